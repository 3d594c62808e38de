package dev.schemagate.core.lineage;

import java.util.Objects;
import java.util.Optional;

/**
 * How a consumer is derived from a producer: a type and, where known, OpenLineage's subtype
 * (IDENTITY, TRANSFORMATION, AGGREGATION, FILTER, JOIN, GROUP_BY, ...).
 */
public record Transformation(TransformationType type, Optional<String> subtype) {
  public static final Transformation DIRECT = new Transformation(TransformationType.DIRECT);
  public static final Transformation INDIRECT = new Transformation(TransformationType.INDIRECT);

  public Transformation {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subtype, "subtype");
    subtype = subtype.filter(s -> !s.isBlank());
  }

  public Transformation(TransformationType type) {
    this(type, Optional.empty());
  }

  public static Transformation of(TransformationType type, String subtype) {
    return new Transformation(type, Optional.ofNullable(subtype));
  }

  /** {@code DIRECT/AGGREGATION}, or just {@code DIRECT}. */
  @Override
  public String toString() {
    return subtype.map(s -> type + "/" + s).orElse(type.name());
  }
}
