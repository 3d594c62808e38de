package dev.schemagate.registry.server.lineage;

import dev.schemagate.core.lineage.AssetKind;
import dev.schemagate.core.lineage.AssetNode;
import dev.schemagate.core.lineage.ColumnNode;
import dev.schemagate.core.lineage.Criticality;
import dev.schemagate.core.lineage.LineageEdge;
import dev.schemagate.core.lineage.LineageNode;
import dev.schemagate.core.lineage.Transformation;
import dev.schemagate.core.lineage.TransformationType;
import dev.schemagate.core.lineage.openlineage.RunEventLineage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * SQL for the lineage tables. A batch of events goes in as one statement ({@code unnest} of arrays,
 * {@code ON CONFLICT DO NOTHING}, one data-modifying CTE per table), so a transaction of 500 events
 * costs one round trip and its commit. All rows of one statement share one change number (one
 * {@code nextval}, not one per row): rows committed together become visible together, so a reader
 * reading {@code changed > seen} misses none.
 */
final class LineageStore {
  /**
   * A batch of events with their columns and edges. The events' insert returns the new ones (their
   * ordinals); columns and edges go in only for those, each table in its primary key's byte order
   * (concurrent replicas then lock rows in the same order; byte order because the keys are {@code
   * COLLATE "C"}, V102), one change number per table. A key repeated within the batch is no error
   * ({@code DO NOTHING} skips the second copy), so no {@code DISTINCT} step is needed.
   */
  private static final String INSERT_BATCH =
      """
      WITH input AS (
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
          WITH ORDINALITY AS u(r, t, at, ns, job, e, i)
      ), ev AS (
        INSERT INTO lineage_run_events (run_id, event_type, event_time, job_namespace, job_name, edges)
        SELECT r::uuid, t, at::timestamptz, ns, job, e FROM input
        ON CONFLICT DO NOTHING
        RETURNING run_id, event_type, event_time
      ), fresh AS (
        SELECT input.i::int AS i FROM input JOIN ev
          ON ev.run_id = input.r::uuid AND ev.event_type = input.t
          AND ev.event_time = input.at::timestamptz
      ), cols AS (
        INSERT INTO lineage_nodes (id, kind, namespace, dataset, column_name, changed)
        SELECT id, 'column', ns, ds, col, (SELECT nextval('lineage_change_seq'))
          FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(i, id, ns, ds, col)
         WHERE i IN (SELECT i FROM fresh)
         ORDER BY id COLLATE "C"
        ON CONFLICT (id) DO NOTHING
      ), edges AS (
        INSERT INTO lineage_edges (source, target, transformation, subtype, changed)
        SELECT s, t, x, st, (SELECT nextval('lineage_change_seq'))
          FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(i, s, t, x, st)
         WHERE i IN (SELECT i FROM fresh)
         ORDER BY t COLLATE "C", s COLLATE "C", x COLLATE "C", st COLLATE "C"
        ON CONFLICT DO NOTHING
      )
      SELECT i FROM fresh
      """;

  private static final String INSERT_COLUMNS =
      """
      INSERT INTO lineage_nodes (id, kind, namespace, dataset, column_name, changed)
      SELECT id, 'column', ns, ds, col, (SELECT nextval('lineage_change_seq'))
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS u(id, ns, ds, col)
      ORDER BY id COLLATE "C"
      ON CONFLICT (id) DO NOTHING
      """;
  private static final String INSERT_EDGES =
      """
      INSERT INTO lineage_edges (source, target, transformation, subtype, changed)
      SELECT s, t, x, st, (SELECT nextval('lineage_change_seq'))
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS u(s, t, x, st)
      ORDER BY t COLLATE "C", s COLLATE "C", x COLLATE "C", st COLLATE "C"
      ON CONFLICT DO NOTHING
      """;
  private static final String UPSERT_ASSET =
      """
      INSERT INTO lineage_nodes (id, kind, name, owner, criticality, environment)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, criticality = excluded.criticality,
        environment = excluded.environment, changed = nextval('lineage_change_seq')
      WHERE (lineage_nodes.owner, lineage_nodes.criticality, lineage_nodes.environment)
        IS DISTINCT FROM (excluded.owner, excluded.criticality, excluded.environment)
      """;

  /**
   * Columns and edges this writer knows are committed: a job that runs every hour repeats the same
   * lineage, so most of an event's rows are already stored and need no round trip. The writer
   * thread reads them while the thread committing the previous batch adds to them; a full set is
   * dropped rather than grown without bound. A few hundred thousand rows cover the recurring jobs
   * of a warehouse; a larger bound only held heap (and GC work) when every event is new.
   */
  private static final int KNOWN_LIMIT = 200_000;

  private final Set<String> knownColumns = ConcurrentHashMap.newKeySet();
  private final Set<LineageEdge> knownEdges = ConcurrentHashMap.newKeySet();

  /**
   * What one batch wrote: the events that were new, and the columns and edges it inserted, known to
   * be stored once its transaction commits ({@link #committed}).
   */
  record Written(Set<EventKey> fresh, Set<String> columns, Set<LineageEdge> edges) {}

  /** The identity of a run event: what makes a repeated event a repeat. */
  record EventKey(String runId, String eventType, java.time.Instant eventTime) {
    static EventKey of(RunEventLineage event) {
      return new EventKey(
          event.runId().toString(),
          event.eventType(),
          event.eventTime().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }
  }

  /**
   * What in an event PostgreSQL would refuse, found before it joins a batch: a NUL character (text
   * cannot hold one) or an event time outside {@code timestamptz}'s range. Refused alone, it fails
   * no other event; the writer still falls back to one event per transaction for anything missed.
   */
  static Optional<String> unstorable(RunEventLineage event) {
    int year = event.eventTime().getYear();
    if (year < -4712 || year > 294_275) {
      return Optional.of("eventTime " + event.eventTime() + " is outside the storable range");
    }
    if (hasNul(event.jobNamespace()) || hasNul(event.jobName())) {
      return Optional.of("job.namespace or job.name holds a NUL character");
    }
    for (ColumnNode column : event.columns()) {
      if (hasNul(column.id())) {
        return Optional.of(
            "the column '" + column.id().replace('\0', '?') + "' holds a NUL character");
      }
    }
    for (LineageEdge edge : event.edges()) {
      if (edge.transformation().subtype().map(LineageStore::hasNul).orElse(false)) {
        return Optional.of("a transformation subtype holds a NUL character");
      }
    }
    return Optional.empty();
  }

  private static boolean hasNul(String text) {
    return text.indexOf('\0') >= 0;
  }

  /**
   * Writes the events not seen before, with their columns and edges, in one statement (one round
   * trip): the events' insert says which are new, and only their rows go in.
   *
   * @return the keys of the events that were new, and the rows written
   */
  Written writeEvents(Connection c, Collection<RunEventLineage> events) throws SQLException {
    Map<EventKey, RunEventLineage> unique = new LinkedHashMap<>();
    events.forEach(e -> unique.putIfAbsent(EventKey.of(e), e));
    List<EventKey> keys = new ArrayList<>(unique.keySet());
    List<RunEventLineage> list = new ArrayList<>(unique.values());
    int n = list.size();
    String[] runIds = new String[n];
    String[] types = new String[n];
    String[] times = new String[n];
    String[] namespaces = new String[n];
    String[] jobs = new String[n];
    Integer[] edgeCounts = new Integer[n];
    // one row per (event, column) and (event, edge) not known to be stored; the statement keeps
    // those of new events and drops duplicates
    List<Integer> columnEvent = new ArrayList<>();
    List<ColumnNode> columnRows = new ArrayList<>();
    List<Integer> edgeEvent = new ArrayList<>();
    List<LineageEdge> edgeRows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RunEventLineage e = list.get(i);
      runIds[i] = e.runId().toString();
      types[i] = e.eventType();
      times[i] = e.eventTime().toString();
      namespaces[i] = e.jobNamespace();
      jobs[i] = e.jobName();
      edgeCounts[i] = e.edges().size();
      for (ColumnNode col : e.columns()) {
        if (!knownColumns.contains(col.id())) {
          columnEvent.add(i + 1);
          columnRows.add(col);
        }
      }
      for (LineageEdge edge : e.edges()) {
        if (!knownEdges.contains(edge)) {
          edgeEvent.add(i + 1);
          edgeRows.add(edge);
        }
      }
    }
    Set<Integer> freshOrdinals = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(INSERT_BATCH)) {
      bind(c, ps, 1, "text", runIds);
      bind(c, ps, 2, "text", types);
      bind(c, ps, 3, "text", times);
      bind(c, ps, 4, "text", namespaces);
      bind(c, ps, 5, "text", jobs);
      bind(c, ps, 6, "int4", edgeCounts);
      bind(c, ps, 7, "int4", columnEvent.toArray(Integer[]::new));
      bind(c, ps, 8, "text", columnRows.stream().map(ColumnNode::id).toArray(String[]::new));
      bind(c, ps, 9, "text", columnRows.stream().map(ColumnNode::namespace).toArray(String[]::new));
      bind(c, ps, 10, "text", columnRows.stream().map(ColumnNode::dataset).toArray(String[]::new));
      bind(c, ps, 11, "text", columnRows.stream().map(ColumnNode::column).toArray(String[]::new));
      bind(c, ps, 12, "int4", edgeEvent.toArray(Integer[]::new));
      bind(c, ps, 13, "text", edgeRows.stream().map(LineageEdge::source).toArray(String[]::new));
      bind(c, ps, 14, "text", edgeRows.stream().map(LineageEdge::target).toArray(String[]::new));
      bind(
          c,
          ps,
          15,
          "text",
          edgeRows.stream().map(e -> e.transformation().type().name()).toArray(String[]::new));
      bind(
          c,
          ps,
          16,
          "text",
          edgeRows.stream()
              .map(e -> e.transformation().subtype().orElse(""))
              .toArray(String[]::new));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          freshOrdinals.add(rs.getInt(1));
        }
      }
    }
    Set<EventKey> fresh = new HashSet<>();
    freshOrdinals.forEach(i -> fresh.add(keys.get(i - 1)));
    Set<String> columns = new HashSet<>();
    for (int r = 0; r < columnRows.size(); r++) {
      if (freshOrdinals.contains(columnEvent.get(r))) {
        columns.add(columnRows.get(r).id());
      }
    }
    Set<LineageEdge> edges = new HashSet<>();
    for (int r = 0; r < edgeRows.size(); r++) {
      if (freshOrdinals.contains(edgeEvent.get(r))) {
        edges.add(edgeRows.get(r));
      }
    }
    return new Written(fresh, columns, edges);
  }

  /** Called by the writer after the transaction of {@link #writeEvents} committed. */
  void committed(Written written) {
    if (knownColumns.size() + written.columns().size() > KNOWN_LIMIT) {
      knownColumns.clear();
    }
    if (knownEdges.size() + written.edges().size() > KNOWN_LIMIT) {
      knownEdges.clear();
    }
    knownColumns.addAll(written.columns());
    knownEdges.addAll(written.edges());
  }

  /**
   * Declares an asset and exactly the columns it reads from one dataset: its earlier inputs from
   * that dataset are replaced, inputs from other datasets (other contracts) are kept.
   *
   * @return whether an earlier input was removed (replicas must then reload)
   */
  boolean replaceConsumer(
      Connection c,
      AssetNode asset,
      String namespace,
      String dataset,
      List<ColumnNode> inputs,
      Transformation transformation)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_ASSET)) {
      ps.setString(1, asset.id());
      ps.setString(2, asset.kind().label());
      ps.setString(3, asset.name());
      ps.setString(4, asset.owner());
      ps.setString(5, asset.criticality().name());
      ps.setString(6, asset.environment().orElse(null));
      ps.executeUpdate();
    }
    insertColumns(c, inputs);
    Set<LineageEdge> wanted = new java.util.LinkedHashSet<>();
    for (ColumnNode input : inputs) {
      wanted.add(new LineageEdge(input.id(), asset.id(), transformation));
    }
    boolean removed = false;
    List<LineageEdge> existing = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT e.source, e.transformation, e.subtype FROM lineage_edges e"
                + " JOIN lineage_nodes n ON n.id = e.source"
                + " WHERE e.target = ? AND n.namespace = ? AND n.dataset = ?")) {
      ps.setString(1, asset.id());
      ps.setString(2, namespace);
      ps.setString(3, dataset);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          existing.add(new LineageEdge(rs.getString(1), asset.id(), transformation(rs, 2)));
        }
      }
    }
    for (LineageEdge old : existing) {
      if (!wanted.contains(old)) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM lineage_edges WHERE source = ? AND target = ? AND transformation = ?"
                    + " AND subtype = ?")) {
          ps.setString(1, old.source());
          ps.setString(2, old.target());
          ps.setString(3, old.transformation().type().name());
          ps.setString(4, old.transformation().subtype().orElse(""));
          ps.executeUpdate();
          knownEdges.remove(old); // before commit: forgetting too much only costs a round trip
          removed = true;
        }
      }
    }
    if (removed) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE lineage_generation SET generation = generation + 1")) {
        ps.executeUpdate();
      }
    }
    insertEdges(c, wanted);
    return removed;
  }

  long generation(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT generation FROM lineage_generation");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Streams nodes, then edges, changed after {@code since}; returns the highest change seen. */
  long readSince(Connection c, long since, Consumer<LineageNode> nodes, Consumer<LineageEdge> edges)
      throws SQLException {
    long max = since;
    // one snapshot for both reads (an edge never names a node the read missed); not autocommit,
    // so the driver streams rows with the fetch size
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    c.setAutoCommit(false);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, kind, namespace, dataset, column_name, name, owner, criticality,"
                + " environment, changed FROM lineage_nodes WHERE changed > ?")) {
      ps.setFetchSize(10_000);
      ps.setLong(1, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          nodes.accept(node(rs));
          max = Math.max(max, rs.getLong(10));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT source, target, transformation, subtype, changed FROM lineage_edges"
                + " WHERE changed > ?")) {
      ps.setFetchSize(10_000);
      ps.setLong(1, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          edges.accept(new LineageEdge(rs.getString(1), rs.getString(2), transformation(rs, 3)));
          max = Math.max(max, rs.getLong(5));
        }
      }
    }
    c.commit();
    return max;
  }

  private static LineageNode node(ResultSet rs) throws SQLException {
    String kind = rs.getString(2);
    if (kind.equals("column")) {
      return new ColumnNode(rs.getString(3), rs.getString(4), rs.getString(5));
    }
    return new AssetNode(
        AssetKind.parse(kind).orElseThrow(),
        rs.getString(6),
        rs.getString(7),
        Criticality.parse(rs.getString(8)).orElseThrow(),
        Optional.ofNullable(rs.getString(9)));
  }

  private static Transformation transformation(ResultSet rs, int column) throws SQLException {
    return Transformation.of(
        TransformationType.parse(rs.getString(column)).orElseThrow(), rs.getString(column + 1));
  }

  private static void insertColumns(Connection c, Collection<ColumnNode> columns)
      throws SQLException {
    if (columns.isEmpty()) {
      return;
    }
    int n = columns.size();
    String[] ids = new String[n];
    String[] ns = new String[n];
    String[] ds = new String[n];
    String[] col = new String[n];
    int i = 0;
    for (ColumnNode node : columns) {
      ids[i] = node.id();
      ns[i] = node.namespace();
      ds[i] = node.dataset();
      col[i] = node.column();
      i++;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_COLUMNS)) {
      bind(c, ps, 1, "text", ids);
      bind(c, ps, 2, "text", ns);
      bind(c, ps, 3, "text", ds);
      bind(c, ps, 4, "text", col);
      ps.executeUpdate();
    }
  }

  private static void insertEdges(Connection c, Collection<LineageEdge> edges) throws SQLException {
    if (edges.isEmpty()) {
      return;
    }
    int n = edges.size();
    String[] src = new String[n];
    String[] dst = new String[n];
    String[] type = new String[n];
    String[] sub = new String[n];
    int i = 0;
    for (LineageEdge e : edges) {
      src[i] = e.source();
      dst[i] = e.target();
      type[i] = e.transformation().type().name();
      sub[i] = e.transformation().subtype().orElse("");
      i++;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_EDGES)) {
      bind(c, ps, 1, "text", src);
      bind(c, ps, 2, "text", dst);
      bind(c, ps, 3, "text", type);
      bind(c, ps, 4, "text", sub);
      ps.executeUpdate();
    }
  }

  private static void bind(
      Connection c, PreparedStatement ps, int index, String type, Object[] values)
      throws SQLException {
    Array array = c.createArrayOf(type, values);
    ps.setArray(index, array);
  }
}
