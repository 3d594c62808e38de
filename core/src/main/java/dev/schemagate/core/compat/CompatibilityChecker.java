package dev.schemagate.core.compat;

import dev.schemagate.core.schema.ParsedSchema;
import java.util.List;

/**
 * Checks a candidate against the versions already registered, oldest first, at a level. Levels are
 * implemented once; each format supplies only the pairwise "can a reader of X read data written by
 * Y" diff.
 */
public interface CompatibilityChecker {
  CompatibilityResult check(
      CompatibilityLevel level, List<? extends ParsedSchema> history, ParsedSchema candidate);
}
