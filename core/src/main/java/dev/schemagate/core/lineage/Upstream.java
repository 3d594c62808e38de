package dev.schemagate.core.lineage;

import java.util.ArrayList;
import java.util.List;

/** Everything a field is derived from, each with a path from it to the field. */
public final class Upstream {
  private final String field;
  private final boolean known;
  private final List<UpstreamSource> sources;

  Upstream(LineageIndex graph, String field, Traversal walk) {
    this.field = field;
    this.known = walk.unknown.isEmpty();
    List<UpstreamSource> found = new ArrayList<>();
    for (int i = 0; i < walk.visited; i++) {
      int v = walk.node(i);
      if (walk.isStart(v)) {
        continue;
      }
      boolean root = graph.inStart[v] == graph.inStart[v + 1];
      found.add(new UpstreamSource(graph.nodes[v], root, walk.path(graph, v)));
    }
    this.sources = List.copyOf(found);
  }

  public String field() {
    return field;
  }

  /** Whether the graph knows the field at all. */
  public boolean known() {
    return known;
  }

  /** Every upstream node, nearest first. */
  public List<UpstreamSource> sources() {
    return sources;
  }

  /** Only the original sources: upstream nodes nothing feeds. */
  public List<UpstreamSource> roots() {
    return sources.stream().filter(UpstreamSource::root).toList();
  }
}
