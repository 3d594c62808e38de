package dev.schemagate.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jgrapht.alg.cycle.CycleDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineageGraphTest {
  private static final List<String> FIXTURES =
      List.of("linear", "fan-out", "cycle", "direct-preferred", "diamond");

  static Stream<Arguments> impactCases() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    for (String name : FIXTURES) {
      JsonNode fixture = GraphFixture.read("graphs/" + name + ".yaml");
      int i = 0;
      for (JsonNode query : fixture.path("impact")) {
        cases.add(Arguments.of(name + "#" + i++, fixture, query));
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> upstreamCases() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    for (String name : FIXTURES) {
      JsonNode fixture = GraphFixture.read("graphs/" + name + ".yaml");
      int i = 0;
      for (JsonNode query : fixture.path("upstream")) {
        cases.add(Arguments.of(name + "#" + i++, fixture, query));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("impactCases")
  void shouldReachExactlyTheExpectedAssetsAndColumnsDownstream(
      String name, JsonNode fixture, JsonNode query) {
    LineageGraph graph = GraphFixture.graph(fixture);
    List<String> fields = new ArrayList<>();
    query.get("fields").forEach(f -> fields.add(f.asText()));

    Impact impact = graph.impact(fields);

    List<String> unknown = new ArrayList<>();
    query.path("unknown").forEach(f -> unknown.add(f.asText()));
    assertThat(impact.unknownFields()).containsExactlyElementsOf(unknown);
    assertThat(impact.reachedColumnCount()).isEqualTo(query.get("columns").asInt());
    assertThat(impact.reachedColumns(1000))
        .hasSize(query.get("columns").asInt())
        .doesNotHaveDuplicates();
    Map<String, AffectedAsset> byId = new java.util.HashMap<>();
    impact.affectedAssets().forEach(a -> byId.put(a.asset().id(), a));
    List<String> expectedIds = new ArrayList<>();
    query.get("assets").fieldNames().forEachRemaining(expectedIds::add);
    assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(expectedIds);
    for (var expected : query.get("assets").properties()) {
      AffectedAsset actual = byId.get(expected.getKey());
      assertThat(actual.direct())
          .as(expected.getKey() + " direct")
          .isEqualTo(expected.getValue().get("direct").asBoolean());
      assertThat(actual.path().direct()).isEqualTo(actual.direct());
      assertThat(actual.path().nodes()).first().isIn(fields);
      assertThat(actual.path().nodes()).last().isEqualTo(expected.getKey());
      if (expected.getValue().has("path")) {
        assertThat(actual.path().render()).isEqualTo(expected.getValue().get("path").asText());
      }
      assertThat(impact.pathTo(expected.getKey())).contains(actual.path());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstreamCases")
  void shouldFindTheOriginalSourcesUpstreamWithTheirPaths(
      String name, JsonNode fixture, JsonNode query) {
    LineageGraph graph = GraphFixture.graph(fixture);

    Upstream upstream = graph.upstream(query.get("field").asText());

    List<String> roots = new ArrayList<>();
    query.get("roots").forEach(r -> roots.add(r.asText()));
    assertThat(upstream.known()).isTrue();
    assertThat(upstream.roots())
        .extracting(s -> s.node().id())
        .containsExactlyInAnyOrderElementsOf(roots);
    for (UpstreamSource source : upstream.sources()) {
      assertThat(source.path().nodes()).first().isEqualTo(source.node().id());
      assertThat(source.path().nodes()).last().isEqualTo(query.get("field").asText());
    }
    if (query.has("path")) {
      assertThat(upstream.roots())
          .singleElement()
          .extracting(s -> s.path().render())
          .isEqualTo(query.get("path").asText());
    }
  }

  @Test
  void shouldAcceptCyclesThatJGraphTSeesAsCycles() throws Exception {
    LineageGraph graph = GraphFixture.graph(GraphFixture.read("graphs/cycle.yaml"));

    assertThat(new CycleDetector<>(graph.asGraph()).detectCycles()).isTrue();
    assertThat(graph.impact(List.of("pg.prices.base")).affectedAssets()).hasSize(1);
  }

  @Test
  void shouldIgnoreARepeatedEdgeAndKeepParallelEdgesOfDifferentTransformations() {
    LineageGraph graph = new LineageGraph();
    graph.putNode(new ColumnNode("k", "a", "x"));
    graph.putNode(new ColumnNode("k", "b", "y"));
    LineageEdge direct =
        new LineageEdge("k.a.x", "k.b.y", Transformation.of(TransformationType.DIRECT, "IDENTITY"));

    assertThat(graph.putEdge(direct)).isTrue();
    assertThat(
            graph.putEdge(
                new LineageEdge(
                    "k.a.x", "k.b.y", Transformation.of(TransformationType.DIRECT, "IDENTITY"))))
        .isFalse();
    assertThat(graph.putEdge(new LineageEdge("k.a.x", "k.b.y", Transformation.INDIRECT))).isTrue();
    assertThat(graph.edgeCount()).isEqualTo(2);
    assertThat(graph.impact(List.of("k.a.x")).reachedColumnCount()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAnEdgeToANodeItDoesNotKnow() {
    LineageGraph graph = new LineageGraph();
    graph.putNode(new ColumnNode("k", "a", "x"));

    assertThatThrownBy(
            () -> graph.putEdge(new LineageEdge("k.a.x", "dashboard:nope", Transformation.DIRECT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dashboard:nope");
  }

  @Test
  void shouldSeeAnAssetsNewOwnerInTheNextQuery() {
    LineageGraph graph = new LineageGraph();
    graph.putNode(new ColumnNode("k", "a", "x"));
    graph.putNode(
        new AssetNode(AssetKind.DASHBOARD, "d", "old-team", Criticality.LOW, Optional.empty()));
    graph.putEdge(new LineageEdge("k.a.x", "dashboard:d", Transformation.DIRECT));
    assertThat(graph.impact(List.of("k.a.x")).affectedAssets())
        .singleElement()
        .extracting(a -> a.asset().owner())
        .isEqualTo("old-team");

    graph.putNode(
        new AssetNode(
            AssetKind.DASHBOARD, "d", "new-team", Criticality.CRITICAL, Optional.of("prod")));

    assertThat(graph.impact(List.of("k.a.x")).affectedAssets())
        .singleElement()
        .extracting(a -> a.asset().owner())
        .isEqualTo("new-team");
  }

  @Test
  void shouldForgetAConsumersOldInputsWhenItsIncomingEdgesAreRemoved() {
    LineageGraph graph = new LineageGraph();
    graph.putNode(new ColumnNode("k", "a", "x"));
    graph.putNode(new AssetNode(AssetKind.SERVICE, "s", "t", Criticality.LOW, Optional.empty()));
    graph.putEdge(new LineageEdge("k.a.x", "service:s", Transformation.DIRECT));

    graph.removeIncomingEdges("service:s");

    assertThat(graph.impact(List.of("k.a.x")).isEmpty()).isTrue();
  }

  @Test
  void shouldReportNoUpstreamForAFieldItDoesNotKnow() {
    Upstream upstream = new LineageGraph().upstream("k.a.missing");

    assertThat(upstream.known()).isFalse();
    assertThat(upstream.sources()).isEmpty();
  }
}
