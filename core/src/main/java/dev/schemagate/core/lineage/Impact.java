package dev.schemagate.core.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The downstream closure of a set of changed fields. Affected assets come with paths; columns are
 * counted and listed, and the path to one of them is computed on demand ({@link #pathTo}), so a
 * query that reaches a million columns does not build a million paths.
 */
public final class Impact {
  private final LineageIndex graph;
  private final List<String> changed;
  private final List<String> unknown;
  private final List<AffectedAsset> assets;
  private final int[] columns; // reached column numbers, breadth-first

  Impact(LineageIndex graph, Traversal walk) {
    this.graph = graph;
    this.changed = List.copyOf(walk.starts);
    this.unknown = List.copyOf(walk.unknown);
    List<AffectedAsset> found = new ArrayList<>();
    int[] reached = new int[walk.visited];
    int count = 0;
    for (int i = 0; i < walk.visited; i++) {
      int v = walk.node(i);
      if (walk.isStart(v)) {
        continue;
      }
      AssetNode asset = graph.assets[v];
      if (asset != null) {
        found.add(new AffectedAsset(asset, walk.direct(v), walk.path(graph, v)));
      } else {
        reached[count++] = v;
      }
    }
    this.columns = java.util.Arrays.copyOf(reached, count);
    found.sort(
        Comparator.comparing((AffectedAsset a) -> a.asset().criticality())
            .reversed()
            .thenComparing(a -> a.asset().id()));
    this.assets = List.copyOf(found);
  }

  /** The queried fields that are in the graph. */
  public List<String> changedFields() {
    return changed;
  }

  /** The queried fields the graph does not know: nothing is recorded as depending on them. */
  public List<String> unknownFields() {
    return unknown;
  }

  /** Reached assets, most critical first. */
  public List<AffectedAsset> affectedAssets() {
    return assets;
  }

  /** How many columns are reached downstream (the changed fields themselves not counted). */
  public int reachedColumnCount() {
    return columns.length;
  }

  /** Reached columns in breadth-first order, at most {@code limit} of them. */
  public List<String> reachedColumns(int limit) {
    List<String> out = new ArrayList<>(Math.min(limit, columns.length));
    for (int i = 0; i < columns.length && i < limit; i++) {
      out.add(graph.ids[columns[i]]);
    }
    return out;
  }

  /** Why a node is affected: a path from a changed field to it, if it is reached. */
  public Optional<LineagePath> pathTo(String nodeId) {
    int target = graph.number(nodeId);
    if (target < 0) {
      return Optional.empty();
    }
    try (Traversal again = Traversal.run(graph, changed, true)) {
      return again.reached(target) ? Optional.of(again.path(graph, target)) : Optional.empty();
    }
  }

  public boolean isEmpty() {
    return columns.length == 0 && assets.isEmpty();
  }
}
