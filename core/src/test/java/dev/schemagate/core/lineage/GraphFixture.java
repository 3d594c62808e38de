package dev.schemagate.core.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Loads a graph fixture: assets, and edges written as {@code [source, target, TYPE/subtype]}. */
final class GraphFixture {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static JsonNode read(String resource) throws IOException {
    try (InputStream in = GraphFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no fixture " + resource);
      }
      return YAML.readTree(in);
    }
  }

  static LineageGraph graph(JsonNode fixture) {
    LineageGraph graph = new LineageGraph();
    for (JsonNode a : fixture.path("assets")) {
      graph.putNode(
          new AssetNode(
              AssetKind.parse(a.get("kind").asText()).orElseThrow(),
              a.get("name").asText(),
              a.get("owner").asText(),
              Criticality.parse(a.get("criticality").asText()).orElseThrow(),
              Optional.ofNullable(a.path("environment").textValue())));
    }
    for (JsonNode e : fixture.path("edges")) {
      String source = e.get(0).asText();
      String target = e.get(1).asText();
      ensureColumn(graph, source);
      ensureColumn(graph, target);
      String[] tx = e.get(2).asText().split("/", 2);
      graph.putEdge(
          new LineageEdge(
              source,
              target,
              Transformation.of(
                  TransformationType.parse(tx[0]).orElseThrow(), tx.length > 1 ? tx[1] : null)));
    }
    return graph;
  }

  /** Fixture column ids are {@code namespace.dataset.column} with single-word parts. */
  private static void ensureColumn(LineageGraph graph, String id) {
    if (id.contains(":") || graph.node(id).isPresent()) {
      return;
    }
    String[] parts = id.split("\\.");
    graph.putNode(new ColumnNode(parts[0], parts[1], parts[2]));
  }

  private GraphFixture() {}
}
