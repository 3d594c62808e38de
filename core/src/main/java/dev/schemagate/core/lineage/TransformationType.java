package dev.schemagate.core.lineage;

import dev.schemagate.core.config.Enums;
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
    return Enums.parse(TransformationType.class, text);
  }
}
