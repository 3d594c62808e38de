package dev.schemagate.registry.server.lineage;

import dev.schemagate.core.lineage.AssetNode;
import dev.schemagate.core.lineage.ColumnNode;
import dev.schemagate.core.lineage.Impact;
import dev.schemagate.core.lineage.LineageEdge;
import dev.schemagate.core.lineage.LineageGraph;
import dev.schemagate.core.lineage.LineageNode;
import dev.schemagate.core.lineage.Transformation;
import dev.schemagate.core.lineage.Upstream;
import dev.schemagate.core.lineage.openlineage.RunEventLineage;
import dev.schemagate.core.lineage.severity.SeverityPolicy;
import dev.schemagate.registry.server.storage.Database;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Lineage on the registry: writes go to PostgreSQL (the source of truth) through the {@link
 * LineageWriter}; queries run on an in-memory {@link LineageGraph} that catches up with the
 * database before each query (rows changed since it last looked, or a full reload after a
 * deletion), so every replica answers from what is committed.
 */
public final class LineageService implements AutoCloseable {
  private final Database database;
  private final LineageStore store = new LineageStore();
  private final LineageWriter writer;
  private final SeverityPolicy policy;
  private LineageGraph graph = new LineageGraph();
  private long seen = 0;
  private long generation = -1;

  public LineageService(Database database, SeverityPolicy policy) {
    this.database = database;
    this.policy = policy;
    this.writer = new LineageWriter(database, store);
  }

  public SeverityPolicy policy() {
    return policy;
  }

  /** Stores an event's lineage; completes with false when the same event was stored before. */
  public CompletableFuture<Boolean> ingest(RunEventLineage event) {
    return writer.submit(event);
  }

  /**
   * Declares an asset and the columns it reads from one dataset, replacing what it read from that
   * dataset before.
   */
  public CompletableFuture<Void> declareConsumer(
      AssetNode asset,
      String namespace,
      String dataset,
      List<String> fields,
      Transformation transformation) {
    List<ColumnNode> inputs =
        fields.stream().map(f -> new ColumnNode(namespace, dataset, f)).toList();
    return writer.submit(
        c -> store.replaceConsumer(c, asset, namespace, dataset, inputs, transformation));
  }

  public Impact impact(Collection<String> fields) {
    return current().impact(fields);
  }

  public Upstream upstream(String field) {
    return current().upstream(field);
  }

  /** The graph, caught up with the database. */
  synchronized LineageGraph current() {
    long dbGeneration = database.read(store::generation);
    if (dbGeneration != generation) {
      graph = new LineageGraph();
      seen = 0;
      generation = dbGeneration;
    }
    List<LineageNode> nodes = new ArrayList<>();
    List<LineageEdge> edges = new ArrayList<>();
    seen = database.read(c -> store.readSince(c, seen, nodes::add, edges::add));
    graph.merge(nodes, edges);
    return graph;
  }

  @Override
  public void close() {
    writer.close();
  }
}
