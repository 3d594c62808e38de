package dev.schemagate.core.lineage;

import java.util.Objects;

/**
 * A directed edge from a producer to a consumer. Source and target are part of the value so that
 * two edges are equal exactly when they join the same nodes the same way (what JGraphT needs).
 */
public record LineageEdge(String source, String target, Transformation transformation) {
  public LineageEdge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(transformation, "transformation");
  }
}
