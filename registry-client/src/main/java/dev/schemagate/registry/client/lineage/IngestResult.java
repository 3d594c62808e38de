package dev.schemagate.registry.client.lineage;

/**
 * What the registry made of an OpenLineage event.
 *
 * @param duplicate the same event was stored before (ingest is idempotent)
 * @param columns columns the event names
 * @param edges column-level edges it carries
 */
public record IngestResult(
    String runId, String eventType, boolean duplicate, int columns, int edges) {}
