package dev.schemagate.core.lineage;

import java.util.List;

/**
 * One way a node is reached: {@code nodes} from the first to the last, {@code hops.get(i)} the
 * transformation from {@code nodes.get(i)} to {@code nodes.get(i + 1)}. Always in data-flow order
 * (producer first), for impact and upstream alike.
 */
public record LineagePath(List<String> nodes, List<Transformation> hops) {
  public LineagePath {
    nodes = List.copyOf(nodes);
    hops = List.copyOf(hops);
    if (nodes.isEmpty() || hops.size() != nodes.size() - 1) {
      throw new IllegalArgumentException("a path of n nodes has n-1 hops");
    }
  }

  /** Whether every hop is DIRECT. */
  public boolean direct() {
    return hops.stream().allMatch(h -> h.type() == TransformationType.DIRECT);
  }

  /** {@code a -[DIRECT]-> b -[INDIRECT/FILTER]-> c}, for people. */
  public String render() {
    StringBuilder out = new StringBuilder(nodes.get(0));
    for (int i = 0; i < hops.size(); i++) {
      out.append(" -[").append(hops.get(i)).append("]-> ").append(nodes.get(i + 1));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
