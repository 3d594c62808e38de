package dev.schemagate.core.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;

/**
 * The column-level lineage graph: a JGraphT directed pseudograph (cycles and parallel edges with
 * different transformations are legal lineage) keyed by node id, plus the node attributes.
 * Mutations go to the JGraphT graph; queries run on a compact {@link LineageIndex} snapshot that is
 * rebuilt on the first query after a change. Safe for concurrent use: writers are serialised,
 * queries read an immutable snapshot.
 */
public final class LineageGraph {
  private final Graph<String, LineageEdge> graph = new ColumnGraph();
  private final Map<String, LineageNode> nodes = new HashMap<>();
  private volatile LineageIndex snapshot;

  /**
   * Adds a node, or updates it: an asset's owner, criticality and environment are replaced (the
   * latest declaration wins); a column is added once.
   */
  public synchronized void putNode(LineageNode node) {
    LineageNode previous = nodes.put(node.id(), node);
    if (previous == null) {
      graph.addVertex(node.id());
      snapshot = null;
    } else if (!previous.equals(node)) {
      snapshot = null;
    }
  }

  /**
   * Adds an edge between two nodes already in the graph; a repeated edge is ignored.
   *
   * @return whether the edge is new
   * @throws IllegalArgumentException when an end is not in the graph
   */
  public synchronized boolean putEdge(LineageEdge edge) {
    requireNode(edge.source());
    requireNode(edge.target());
    boolean added = graph.addEdge(edge.source(), edge.target(), edge);
    if (added) {
      snapshot = null;
    }
    return added;
  }

  /** Adds the nodes, then the edges, of a batch (e.g. one OpenLineage event). */
  public synchronized void merge(
      Collection<? extends LineageNode> newNodes, List<LineageEdge> edges) {
    newNodes.forEach(this::putNode);
    edges.forEach(this::putEdge);
  }

  /** Removes every edge into the given node (e.g. a contract's consumer before re-declaring it). */
  public synchronized void removeIncomingEdges(String nodeId) {
    if (graph.containsVertex(nodeId)) {
      Set<LineageEdge> incoming = Set.copyOf(graph.incomingEdgesOf(nodeId));
      if (graph.removeAllEdges(incoming)) {
        snapshot = null;
      }
    }
  }

  public synchronized Optional<LineageNode> node(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  public synchronized int nodeCount() {
    return nodes.size();
  }

  public synchronized int edgeCount() {
    return graph.edgeSet().size();
  }

  /**
   * A read-only view of the underlying JGraphT graph, for the algorithms JGraphT provides (cycle
   * detection, connectivity). Not a snapshot: do not read it while another thread writes.
   */
  public Graph<String, LineageEdge> asGraph() {
    return new AsUnmodifiableGraph<>(graph);
  }

  /** The current snapshot for queries. */
  public LineageIndex index() {
    LineageIndex current = snapshot;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (snapshot == null) {
        snapshot = buildIndex();
      }
      return snapshot;
    }
  }

  public Impact impact(Collection<String> fields) {
    return index().impact(fields);
  }

  public Upstream upstream(String field) {
    return index().upstream(field);
  }

  private LineageIndex buildIndex() {
    List<LineageNode> nodeList = new ArrayList<>(graph.vertexSet().size());
    for (String id : graph.vertexSet()) {
      nodeList.add(nodes.get(id));
    }
    Map<Transformation, Short> table = new HashMap<>();
    List<Transformation> txList = new ArrayList<>();
    for (LineageEdge e : graph.edgeSet()) {
      table.computeIfAbsent(
          e.transformation(),
          t -> {
            txList.add(t);
            return (short) (txList.size() - 1);
          });
    }
    return LineageIndex.of(
        nodeList,
        graph.edgeSet().size(),
        sink -> {
          for (LineageEdge e : graph.edgeSet()) {
            sink.accept(e.source(), e.target(), table.get(e.transformation()));
          }
        },
        txList);
  }

  private void requireNode(String id) {
    if (!nodes.containsKey(id)) {
      throw new IllegalArgumentException("no node '" + id + "' in the lineage graph");
    }
  }

  /**
   * A directed pseudograph on the default (not the fast-lookup) specifics strategy: the fast-lookup
   * strategy keeps a map entry per vertex pair, which doubles the memory of a large graph for a
   * lookup ({@code getEdge(u, v)}) that lineage never needs.
   */
  private static final class ColumnGraph extends AbstractBaseGraph<String, LineageEdge> {
    ColumnGraph() {
      super(
          null,
          null,
          new DefaultGraphType.Builder()
              .directed()
              .allowMultipleEdges(true)
              .allowSelfLoops(true)
              .weighted(false)
              .build(),
          new DefaultGraphSpecificsStrategy<>());
    }
  }
}
