package dev.schemagate.core.lineage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, compact snapshot of a lineage graph for queries: nodes numbered densely, edges in
 * compressed sparse rows (one {@code int} per edge and direction, plus a {@code short} naming the
 * transformation). A traversal touches only primitive arrays, so an impact query on a million
 * columns costs milliseconds where walking the JGraphT object graph would cost far more.
 */
public final class LineageIndex {
  final String[] ids;
  final LineageNode[] nodes;
  final AssetNode[] assets; // null for columns: a dense side table, internal only
  final int[] outStart;
  final int[] outTarget;
  final short[] outTx;
  final int[] inStart;
  final int[] inSource;
  final short[] inTx;
  final Transformation[] transformations;
  final boolean[] directTx;
  final Traversal.Pool workspaces;
  private final Map<String, Integer> numbers;

  private LineageIndex(
      List<LineageNode> nodeList, int edgeCount, EdgeSource edges, List<Transformation> txTable) {
    int n = nodeList.size();
    ids = new String[n];
    nodes = nodeList.toArray(LineageNode[]::new);
    assets = new AssetNode[n];
    numbers = HashMap.newHashMap(n);
    for (int i = 0; i < n; i++) {
      ids[i] = nodes[i].id();
      numbers.put(ids[i], i);
      if (nodes[i] instanceof AssetNode asset) {
        assets[i] = asset;
      }
    }
    transformations = txTable.toArray(Transformation[]::new);
    directTx = new boolean[transformations.length];
    for (int i = 0; i < directTx.length; i++) {
      directTx[i] = transformations[i].type() == TransformationType.DIRECT;
    }
    workspaces = new Traversal.Pool(n);
    int[] src = new int[edgeCount];
    int[] dst = new int[edgeCount];
    short[] tx = new short[edgeCount];
    int[] count = {0};
    edges.forEach(
        (s, t, x) -> {
          int k = count[0]++;
          src[k] = numbers.get(s);
          dst[k] = numbers.get(t);
          tx[k] = x;
        });
    outStart = new int[n + 1];
    inStart = new int[n + 1];
    outTarget = new int[edgeCount];
    inSource = new int[edgeCount];
    outTx = new short[edgeCount];
    inTx = new short[edgeCount];
    fill(src, dst, tx, outStart, outTarget, outTx);
    fill(dst, src, tx, inStart, inSource, inTx);
  }

  /** Counting sort of the edges by {@code from} into CSR rows. */
  private static void fill(
      int[] from, int[] to, short[] tx, int[] start, int[] targets, short[] txOut) {
    int n = start.length - 1;
    for (int f : from) {
      start[f + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] cursor = Arrays.copyOf(start, n);
    for (int k = 0; k < from.length; k++) {
      int slot = cursor[from[k]]++;
      targets[slot] = to[k];
      txOut[slot] = tx[k];
    }
  }

  /** Receives edges as (source id, target id, transformation number). */
  @FunctionalInterface
  interface EdgeSink {
    void accept(String source, String target, short transformation);
  }

  @FunctionalInterface
  interface EdgeSource {
    void forEach(EdgeSink sink);
  }

  static LineageIndex of(
      List<LineageNode> nodes, int edgeCount, EdgeSource edges, List<Transformation> txTable) {
    return new LineageIndex(nodes, edgeCount, edges, txTable);
  }

  /** Builds an index straight from nodes and edges, without a JGraphT graph in between. */
  public static LineageIndex of(List<LineageNode> nodes, List<LineageEdge> edges) {
    Map<Transformation, Short> table = new HashMap<>();
    List<Transformation> txList = new ArrayList<>();
    for (LineageEdge e : edges) {
      table.computeIfAbsent(
          e.transformation(),
          t -> {
            txList.add(t);
            return (short) (txList.size() - 1);
          });
    }
    return new LineageIndex(
        nodes,
        edges.size(),
        sink -> {
          for (LineageEdge e : edges) {
            sink.accept(e.source(), e.target(), table.get(e.transformation()));
          }
        },
        txList);
  }

  public int nodeCount() {
    return ids.length;
  }

  public int edgeCount() {
    return outTarget.length;
  }

  public Optional<LineageNode> node(String id) {
    Integer i = numbers.get(id);
    return i == null ? Optional.empty() : Optional.of(nodes[i]);
  }

  int number(String id) {
    Integer i = numbers.get(id);
    return i == null ? -1 : i;
  }

  /** Downstream impact of a set of fields (or any node ids): everything they feed, with paths. */
  public Impact impact(Iterable<String> fields) {
    try (Traversal walk = Traversal.run(this, fields, true)) {
      return new Impact(this, walk);
    }
  }

  /** Everything upstream of a field, with a path from each source to the field. */
  public Upstream upstream(String field) {
    try (Traversal walk = Traversal.run(this, List.of(field), false)) {
      return new Upstream(this, field, walk);
    }
  }
}
