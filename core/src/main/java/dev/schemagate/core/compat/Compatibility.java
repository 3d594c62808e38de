package dev.schemagate.core.compat;

import dev.schemagate.core.format.Formats;
import dev.schemagate.core.schema.SchemaFormat;
import java.util.EnumMap;
import java.util.Map;

/**
 * The entry point for compatibility checks: {@code Compatibility.checker().check(level, history,
 * candidate)}, with schemas from {@code Schemas.parser()}. Thread safe.
 */
public final class Compatibility {
  private static final CompatibilityChecker CHECKER = new LevelChecker(formats());

  private Compatibility() {}

  public static CompatibilityChecker checker() {
    return CHECKER;
  }

  /** Each format's pairwise checker, from its provider in {@link Formats}. */
  private static Map<SchemaFormat, PairwiseChecker> formats() {
    Map<SchemaFormat, PairwiseChecker> formats = new EnumMap<>(SchemaFormat.class);
    Formats.all().forEach((format, provider) -> formats.put(format, provider.checker()));
    return formats;
  }
}
