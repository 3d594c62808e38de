package dev.schemagate.core.lineage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A breadth-first walk over a {@link LineageIndex} from a set of start nodes, downstream (along
 * out-edges) or upstream (along in-edges). Two phases: first along DIRECT edges only, then along
 * every edge from everything reached so far; so a node gets a DIRECT-only path whenever one exists,
 * and otherwise a shortest path. Visited marks make cycles harmless; every edge is looked at most
 * twice.
 *
 * <p>The per-node arrays come from a small pool and are marked with a generation stamp instead of
 * being cleared, so a query that reaches ten nodes of a million-node graph costs microseconds, not
 * an allocation of the graph's size. A traversal must be {@link #close() closed} once its results
 * are extracted.
 */
final class Traversal implements AutoCloseable {
  static final byte START = 1;
  static final byte DIRECT = 2;
  static final byte INDIRECT = 3;

  /** Reusable per-node arrays; {@code stamp[v] == generation} means v was visited. */
  static final class Workspace {
    final int[] stamp;
    final byte[] state;
    final int[] parent;
    final short[] parentTx;
    final int[] order;
    int generation;

    Workspace(int n) {
      stamp = new int[n];
      state = new byte[n];
      parent = new int[n];
      parentTx = new short[n];
      order = new int[n];
    }
  }

  /** Workspaces for concurrent queries; a few, since each is ~14 bytes per node. */
  static final class Pool {
    private static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors());
    private final ConcurrentLinkedQueue<Workspace> idle = new ConcurrentLinkedQueue<>();
    private final int size;

    Pool(int size) {
      this.size = size;
    }

    Workspace take() {
      Workspace w = idle.poll();
      return w != null ? w : new Workspace(size);
    }

    void give(Workspace w) {
      if (idle.size() < MAX_IDLE) {
        idle.offer(w);
      }
    }
  }

  private final Pool pool;
  private Workspace ws;
  private final int gen;
  final boolean downstream;
  int visited;
  final List<String> unknown = new ArrayList<>();
  final List<String> starts = new ArrayList<>();

  private Traversal(Pool pool, boolean downstream) {
    this.pool = pool;
    this.ws = pool.take();
    if (++ws.generation == Integer.MAX_VALUE) {
      java.util.Arrays.fill(ws.stamp, 0);
      ws.generation = 1;
    }
    this.gen = ws.generation;
    this.downstream = downstream;
  }

  static Traversal run(LineageIndex g, Iterable<String> startIds, boolean downstream) {
    Traversal t = new Traversal(g.workspaces, downstream);
    Workspace w = t.ws;
    for (String id : startIds) {
      int v = g.number(id);
      if (v < 0) {
        t.unknown.add(id);
      } else if (w.stamp[v] != t.gen) {
        w.stamp[v] = t.gen;
        w.state[v] = START;
        w.parent[v] = -1;
        w.order[t.visited++] = v;
        t.starts.add(id);
      }
    }
    int[] start = downstream ? g.outStart : g.inStart;
    int[] adj = downstream ? g.outTarget : g.inSource;
    short[] tx = downstream ? g.outTx : g.inTx;
    t.walk(start, adj, tx, g.directTx);
    return t;
  }

  /**
   * Phase 1 expands along DIRECT edges only and notes each node that skipped an INDIRECT edge;
   * phase 2 follows those skipped edges, then expands everything it reaches along every edge. The
   * order array doubles as the BFS queue.
   */
  private void walk(int[] start, int[] adj, short[] tx, boolean[] isDirect) {
    int[] stamp = ws.stamp;
    int[] order = ws.order;
    int[] pending = new int[16];
    int pendingCount = 0;
    for (int head = 0; head < visited; head++) {
      int v = order[head];
      boolean skipped = false;
      for (int k = start[v], end = start[v + 1]; k < end; k++) {
        int w = adj[k];
        if (stamp[w] == gen) {
          continue;
        }
        if (!isDirect[tx[k]]) {
          skipped = true;
          continue;
        }
        visit(w, v, tx[k], DIRECT);
      }
      if (skipped) {
        if (pendingCount == pending.length) {
          pending = java.util.Arrays.copyOf(pending, pendingCount * 2);
        }
        pending[pendingCount++] = v;
      }
    }
    int head = visited;
    for (int p = 0; p < pendingCount; p++) {
      expandAll(pending[p], start, adj, tx);
    }
    for (; head < visited; head++) {
      expandAll(order[head], start, adj, tx);
    }
  }

  private void expandAll(int v, int[] start, int[] adj, short[] tx) {
    for (int k = start[v], end = start[v + 1]; k < end; k++) {
      if (ws.stamp[adj[k]] != gen) {
        visit(adj[k], v, tx[k], INDIRECT);
      }
    }
  }

  private void visit(int w, int from, short via, byte mark) {
    ws.stamp[w] = gen;
    ws.state[w] = mark;
    ws.parent[w] = from;
    ws.parentTx[w] = via;
    ws.order[visited++] = w;
  }

  /** The i-th visited node (starts first, then breadth-first). */
  int node(int i) {
    return ws.order[i];
  }

  boolean isStart(int v) {
    return ws.state[v] == START;
  }

  boolean reached(int v) {
    return ws.stamp[v] == gen;
  }

  /** Whether v was reached from a start by DIRECT hops only. */
  boolean direct(int v) {
    return ws.state[v] == DIRECT || ws.state[v] == START;
  }

  /** The tree path between a start and v, in data-flow order (producer first). */
  LineagePath path(LineageIndex g, int v) {
    List<String> nodes = new ArrayList<>();
    List<Transformation> hops = new ArrayList<>();
    for (int u = v; u >= 0; u = ws.parent[u]) {
      nodes.add(g.ids[u]);
      if (ws.parent[u] >= 0) {
        hops.add(g.transformations[ws.parentTx[u]]);
      }
    }
    if (downstream) {
      Collections.reverse(nodes);
      Collections.reverse(hops);
    }
    return new LineagePath(nodes, hops);
  }

  @Override
  public void close() {
    if (ws != null) {
      pool.give(ws);
      ws = null;
    }
  }
}
