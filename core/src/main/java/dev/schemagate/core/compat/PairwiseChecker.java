package dev.schemagate.core.compat;

import dev.schemagate.core.schema.ParsedSchema;
import java.util.List;

/**
 * What a format supplies: every change from {@code older} to {@code newer}, each flagged with the
 * directions it breaks. Levels (transitivity, FULL = both directions, NONE) live in {@link
 * LevelChecker}, once for all formats.
 */
public interface PairwiseChecker {
  List<Finding> compare(ParsedSchema older, ParsedSchema newer, Directions directions);
}
