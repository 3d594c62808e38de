package dev.schemagate.core.lineage;

import java.util.Locale;
import java.util.Optional;

/**
 * OpenLineage's transformation types: DIRECT when the consumer's value is derived from the
 * producer's value, INDIRECT when the producer only influences it (a filter, a join key, a group
 * by).
 */
public enum TransformationType {
  DIRECT,
  INDIRECT;

  public static Optional<TransformationType> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
