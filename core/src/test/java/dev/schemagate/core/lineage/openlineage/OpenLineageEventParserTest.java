package dev.schemagate.core.lineage.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.core.lineage.LineageException;
import dev.schemagate.core.lineage.LineageGraph;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenLineageEventParserTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final OpenLineageEventParser parser = new OpenLineageEventParser();

  static String resource(String name) throws Exception {
    try (InputStream in = OpenLineageEventParserTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Stream<Arguments> rows(String table) throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode row : YAML.readTree(resource(table))) {
      out.add(
          Arguments.of(row.has("name") ? row.get("name").asText() : row.get("file").asText(), row));
    }
    return out.stream();
  }

  static Stream<Arguments> validEvents() throws Exception {
    return rows("valid-cases.yaml");
  }

  static Stream<Arguments> malformedEvents() throws Exception {
    return rows("malformed-cases.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validEvents")
  void shouldReadEveryColumnEdgeOfAValidEvent(String name, JsonNode row) throws Exception {
    RunEventLineage lineage = parser.parse(resource(row.get("file").asText()));

    assertThat(lineage.runId()).hasToString(row.get("runId").asText());
    assertThat(lineage.jobNamespace() + "/" + lineage.jobName()).isEqualTo(row.get("job").asText());
    assertThat(lineage.columns()).hasSize(row.get("columns").asInt());
    List<String> expected = new ArrayList<>();
    row.get("edges").forEach(e -> expected.add(e.asText()));
    assertThat(lineage.edges())
        .extracting(e -> e.source() + " -> " + e.target() + " [" + e.transformation() + "]")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validEvents")
  void shouldReadTheSameLineageFromTheBodysBytesAsFromItsText(String name, JsonNode row)
      throws Exception {
    String body = resource(row.get("file").asText());

    assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(parser.parse(body));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedEvents")
  void shouldRefuseAMalformedEventNamingTheProblem(String name, JsonNode row) {
    String body = row.get("body").asText();
    for (ThrowingCallable parse :
        List.<ThrowingCallable>of(
            () -> parser.parse(body), () -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))) {
      assertThatThrownBy(parse)
          .isInstanceOf(LineageException.class)
          .hasMessageContaining(row.get("message").asText())
          .extracting(e -> ((LineageException) e).reason())
          .isEqualTo(LineageException.Reason.MALFORMED_EVENT);
    }
  }

  @Test
  void shouldRefuseBytesThatAreNotUtf8NamingTheProblem() {
    byte[] latin1 = "{\"eventType\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> parser.parse(latin1))
        .isInstanceOf(LineageException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("UTF-8");
  }

  @Test
  void shouldLetTheDashboardBeTracedBackThroughAnIngestedEvent() throws Exception {
    RunEventLineage lineage = parser.parse(resource("valid/dbt-orders-complete.json"));
    LineageGraph graph = new LineageGraph();
    graph.merge(lineage.columns(), lineage.edges());
    graph.merge(lineage.columns(), lineage.edges()); // a repeated event changes nothing

    assertThat(graph.edgeCount()).isEqualTo(6);
    assertThat(graph.impact(List.of("kafka://broker:9092.orders.amount")).reachedColumns(10))
        .containsExactly("postgres://warehouse:5432.analytics.fct_revenue.revenue");
  }

  @Test
  void shouldRefuseABodyNestedDeeperThanTheLimitNamingTheProblem() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertThatThrownBy(() -> parser.parse(deep))
        .isInstanceOf(LineageException.class)
        .hasMessageContaining("nesting depth");
  }
}
