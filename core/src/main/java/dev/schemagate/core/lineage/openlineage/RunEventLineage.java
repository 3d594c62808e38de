package dev.schemagate.core.lineage.openlineage;

import dev.schemagate.core.lineage.ColumnNode;
import dev.schemagate.core.lineage.LineageEdge;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an OpenLineage run event says about column lineage: the event's identity, every column it
 * names (from {@code columnLineage} and {@code schema} facets), and one edge per input field of
 * each output column.
 */
public record RunEventLineage(
    String eventType,
    OffsetDateTime eventTime,
    UUID runId,
    String jobNamespace,
    String jobName,
    List<ColumnNode> columns,
    List<LineageEdge> edges) {
  public RunEventLineage {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(jobNamespace, "jobNamespace");
    Objects.requireNonNull(jobName, "jobName");
    columns = List.copyOf(columns);
    edges = List.copyOf(edges);
  }
}
