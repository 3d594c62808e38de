package dev.schemagate.core.lineage.bench;

import dev.schemagate.core.lineage.AssetKind;
import dev.schemagate.core.lineage.AssetNode;
import dev.schemagate.core.lineage.ColumnNode;
import dev.schemagate.core.lineage.Criticality;
import dev.schemagate.core.lineage.Impact;
import dev.schemagate.core.lineage.LineageEdge;
import dev.schemagate.core.lineage.LineageGraph;
import dev.schemagate.core.lineage.LineageIndex;
import dev.schemagate.core.lineage.Transformation;
import dev.schemagate.core.lineage.TransformationType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Impact-query benchmark on a synthetic warehouse: 50,000 datasets of 20 columns (1,000,000
 * columns) in 10 layers, each column fed by 3 random columns of the layer before (3,000,000 edges,
 * 20 % INDIRECT), 1,000 assets fed by last-layer columns. Prints median and p99 of each query
 * shape. Run: see docs/benchmarks/lineage.md.
 */
public final class LineageImpactBench {
  static final int LAYERS = 10;
  static final int DATASETS_PER_LAYER = 5_000;
  static final int COLUMNS = 20;
  static final int FAN_IN = 3;

  public static void main(String[] args) {
    boolean viaJGraphT = args.length > 0 && args[0].equals("jgrapht");
    Random random = new Random(42);
    List<ColumnNode> columns = new ArrayList<>(LAYERS * DATASETS_PER_LAYER * COLUMNS);
    for (int l = 0; l < LAYERS; l++) {
      for (int d = 0; d < DATASETS_PER_LAYER; d++) {
        for (int c = 0; c < COLUMNS; c++) {
          columns.add(new ColumnNode("warehouse", "l" + l + "_d" + d, "c" + c));
        }
      }
    }
    int perLayer = DATASETS_PER_LAYER * COLUMNS;
    Transformation[] kinds = {
      Transformation.of(TransformationType.DIRECT, "IDENTITY"),
      Transformation.of(TransformationType.DIRECT, "TRANSFORMATION"),
      Transformation.of(TransformationType.DIRECT, "AGGREGATION"),
      Transformation.of(TransformationType.DIRECT, "IDENTITY"),
      Transformation.of(TransformationType.INDIRECT, "FILTER"),
    };
    List<LineageEdge> edges = new ArrayList<>(3_000_000);
    for (int i = perLayer; i < columns.size(); i++) {
      int layerStart = (i / perLayer - 1) * perLayer;
      for (int k = 0; k < FAN_IN; k++) {
        edges.add(
            new LineageEdge(
                columns.get(layerStart + random.nextInt(perLayer)).id(),
                columns.get(i).id(),
                kinds[random.nextInt(kinds.length)]));
      }
    }
    // top up to exactly 3,000,000 edges with skip-layer edges
    while (edges.size() < 3_000_000) {
      int from = random.nextInt(columns.size() - perLayer);
      int to = from + perLayer + random.nextInt(columns.size() - from - perLayer);
      edges.add(new LineageEdge(columns.get(from).id(), columns.get(to).id(), kinds[0]));
    }
    List<AssetNode> assets = new ArrayList<>();
    for (int a = 0; a < 1_000; a++) {
      AssetKind kind = AssetKind.values()[a % 4];
      AssetNode asset =
          new AssetNode(
              kind,
              "asset-" + a,
              "team-" + (a % 37),
              Criticality.values()[a % 4],
              Optional.of(a % 3 == 0 ? "prod" : "staging"));
      assets.add(asset);
      for (int k = 0; k < 5; k++) {
        int from = (LAYERS - 1) * perLayer + random.nextInt(perLayer);
        edges.add(new LineageEdge(columns.get(from).id(), asset.id(), Transformation.DIRECT));
      }
    }

    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    LineageIndex index;
    if (viaJGraphT) {
      LineageGraph graph = new LineageGraph();
      columns.forEach(graph::putNode);
      assets.forEach(graph::putNode);
      edges.forEach(graph::putEdge);
      long built = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "JGraphT graph: %,d nodes %,d edges built in %d ms, heap +%d MB%n",
          graph.nodeCount(),
          graph.edgeCount(),
          (built - t0) / 1_000_000,
          (usedHeap() - heapBefore) >> 20);
      t0 = System.nanoTime();
      index = graph.index();
    } else {
      List<dev.schemagate.core.lineage.LineageNode> nodes = new ArrayList<>(columns);
      nodes.addAll(assets);
      index = LineageIndex.of(nodes, edges);
    }
    System.out.printf(
        Locale.ROOT,
        "index: %,d nodes %,d edges built in %d ms%n",
        index.nodeCount(),
        index.edgeCount(),
        (System.nanoTime() - t0) / 1_000_000);

    Random pick = new Random(7);
    run(
        "1 field, layer 0 (widest closure)",
        index,
        () -> List.of(columns.get(pick.nextInt(perLayer)).id()));
    run(
        "1 field, layer 5",
        index,
        () -> List.of(columns.get(5 * perLayer + pick.nextInt(perLayer)).id()));
    run(
        "all 20 columns of a layer-0 dataset",
        index,
        () -> {
          int d = pick.nextInt(DATASETS_PER_LAYER) * COLUMNS;
          List<String> f = new ArrayList<>();
          for (int c = 0; c < COLUMNS; c++) {
            f.add(columns.get(d + c).id());
          }
          return f;
        });
    run(
        "1 field, layer 8",
        index,
        () -> List.of(columns.get(8 * perLayer + pick.nextInt(perLayer)).id()));
  }

  static void run(String name, LineageIndex index, Supplier<List<String>> fields) {
    for (int i = 0; i < 30; i++) {
      consume(index.impact(fields.get()));
    }
    int n = 200;
    long[] nanos = new long[n];
    long reached = 0;
    long assets = 0;
    for (int i = 0; i < n; i++) {
      List<String> f = fields.get();
      long t = System.nanoTime();
      Impact impact = index.impact(f);
      int r = impact.reachedColumnCount();
      int a = impact.affectedAssets().size();
      nanos[i] = System.nanoTime() - t;
      reached += r;
      assets += a;
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-40s median %6.2f ms  p99 %6.2f ms  max %6.2f ms  (avg %,d columns, %,d assets with paths)%n",
        name,
        nanos[n / 2] / 1e6,
        nanos[n * 99 / 100] / 1e6,
        nanos[n - 1] / 1e6,
        reached / n,
        assets / n);
  }

  static int sink;

  static void consume(Impact impact) {
    sink += impact.reachedColumnCount() + impact.affectedAssets().size();
  }

  static long usedHeap() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
