package dev.schemagate.registry.server.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenLineage ingest and lineage queries over HTTP, on a real (embedded) PostgreSQL. */
class LineageApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final String AMOUNT = "kafka://broker:9092.orders.amount";
  static final String REVENUE = "postgres://warehouse:5432.analytics.fct_revenue.revenue";
  static RunningRegistry registry;

  @BeforeAll
  static void start() {
    registry = RegistryConfig.forTests().start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  record Answer(int status, JsonNode body) {}

  static String fixture(String name) {
    try (InputStream in = LineageApiTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer send(String base, String method, String path, String body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Answer send(String method, String path, String body) {
    return send(registry.url(), method, path, body);
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static long count(RunningRegistry r, String sql) throws SQLException {
    try (Connection c = r.context().dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static Stream<Arguments> malformedEvents() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    for (JsonNode row :
        new ObjectMapper(new YAMLFactory()).readTree(fixture("malformed-events.yaml"))) {
      rows.add(
          Arguments.of(
              row.get("name").asText(), row.get("body").asText(), row.get("message").asText()));
    }
    return rows.stream();
  }

  @Test
  void shouldStoreAnEventOnceAndAnswerARepeatAsADuplicate() throws Exception {
    String runId = java.util.UUID.randomUUID().toString();
    String event =
        fixture("events/dbt-orders-complete.json")
            .replace("0192f3e5-7c1a-7b3e-9d2f-4a5b6c7d8e9f", runId);

    Answer first = send("POST", "/api/v1/lineage", event);
    Answer again = send("POST", "/api/v1/lineage", event);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body().get("duplicate").asBoolean()).isFalse();
    assertThat(first.body().get("edges").asInt()).isEqualTo(6);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("duplicate").asBoolean()).isTrue();
    assertThat(
            count(
                registry, "SELECT count(*) FROM lineage_run_events WHERE run_id = '" + runId + "'"))
        .isEqualTo(1);
    assertThat(
            count(
                registry,
                "SELECT count(*) FROM lineage_edges WHERE target LIKE 'postgres://warehouse:5432.analytics.fct_revenue.%'"))
        .isEqualTo(6);
  }

  @Test
  void shouldStoreConcurrentCopiesOfOneEventExactlyOnce() throws Exception {
    String event = fixture("events/legacy-transformation-type.json");
    List<Callable<Integer>> posts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      posts.add(() -> send("POST", "/api/v1/lineage", event).status());
    }
    List<Integer> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
      for (Future<Integer> f : pool.invokeAll(posts)) {
        statuses.add(f.get());
      }
    }

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(19);
    assertThat(
            count(
                registry,
                "SELECT count(*) FROM lineage_run_events WHERE run_id = '3f5e83fa-3480-44ff-99c5-ff943904e5e8'"))
        .isEqualTo(1);
  }

  @Test
  void shouldShowWhyADeclaredDashboardIsAffectedAndGradeItCritical() {
    send("POST", "/api/v1/lineage", fixture("events/dbt-orders-complete.json"));
    Answer declared =
        send(
            "PUT",
            "/api/v1/lineage/consumers/dashboard/exec-revenue",
            """
            {"owner": "finance-analytics", "criticality": "CRITICAL", "environment": "prod",
             "dataset": {"namespace": "postgres://warehouse:5432", "name": "analytics.fct_revenue"}, "fields": ["revenue"]}
            """);
    assertThat(declared.status()).isEqualTo(200);

    Answer impact = send("GET", "/api/v1/lineage/impact?field=" + q(AMOUNT), null);

    assertThat(impact.status()).isEqualTo(200);
    JsonNode body = impact.body();
    assertThat(body.get("reachedColumns").asInt()).isEqualTo(1);
    assertThat(body.get("columns").get(0).asText()).isEqualTo(REVENUE);
    JsonNode dashboard = body.get("affectedAssets").get(0);
    assertThat(dashboard.get("id").asText()).isEqualTo("dashboard:exec-revenue");
    assertThat(dashboard.get("owner").asText()).isEqualTo("finance-analytics");
    assertThat(dashboard.get("direct").asBoolean()).isTrue();
    assertThat(dashboard.get("explanation").asText())
        .isEqualTo(
            AMOUNT + " -[DIRECT/AGGREGATION]-> " + REVENUE + " -[DIRECT]-> dashboard:exec-revenue");
    assertThat(body.at("/severity/level").asText()).isEqualTo("CRITICAL");
    assertThat(body.at("/severity/blocking").asBoolean()).isTrue();
    assertThat(body.at("/severity/reason").asText())
        .contains("dashboard:exec-revenue", "finance-analytics");
  }

  @Test
  void shouldReplaceAConsumersInputsWhenItIsDeclaredAgain() {
    send("POST", "/api/v1/lineage", fixture("events/dbt-orders-complete.json"));
    String orderId = "postgres://warehouse:5432.analytics.fct_revenue.order_id";
    send(
        "PUT",
        "/api/v1/lineage/consumers/service/refunds",
        """
        {"owner": "payments", "criticality": "LOW",
         "dataset": {"namespace": "postgres://warehouse:5432", "name": "analytics.fct_revenue"}, "fields": ["revenue"]}
        """);
    assertThat(
            send("GET", "/api/v1/lineage/impact?field=" + q(REVENUE), null)
                .body()
                .get("affectedAssets")
                .toString())
        .contains("service:refunds");

    send(
        "PUT",
        "/api/v1/lineage/consumers/service/refunds",
        """
        {"owner": "payments", "criticality": "LOW",
         "dataset": {"namespace": "postgres://warehouse:5432", "name": "analytics.fct_revenue"}, "fields": ["order_id"]}
        """);

    assertThat(
            send("GET", "/api/v1/lineage/impact?field=" + q(REVENUE), null)
                .body()
                .get("affectedAssets")
                .toString())
        .doesNotContain("service:refunds");
    assertThat(
            send("GET", "/api/v1/lineage/impact?field=" + q(orderId), null)
                .body()
                .get("affectedAssets")
                .toString())
        .contains("service:refunds");
  }

  @Test
  void shouldKeepAConsumersInputsFromOtherDatasetsWhenOneContractRedeclaresIt() {
    send(
        "PUT",
        "/api/v1/lineage/consumers/dashboard/kpis",
        """
        {"owner": "bi", "dataset": {"namespace": "kafka", "name": "orders"}, "fields": ["amount"]}
        """);
    send(
        "PUT",
        "/api/v1/lineage/consumers/dashboard/kpis",
        """
        {"owner": "bi", "dataset": {"namespace": "kafka", "name": "users"}, "fields": ["country"]}
        """);

    assertThat(
            send("GET", "/api/v1/lineage/impact?field=kafka.orders.amount", null)
                .body()
                .get("affectedAssets")
                .toString())
        .contains("dashboard:kpis");
    assertThat(
            send("GET", "/api/v1/lineage/impact?field=kafka.users.country", null)
                .body()
                .get("affectedAssets")
                .toString())
        .contains("dashboard:kpis");

    send("DELETE", "/api/v1/lineage/consumers/dashboard/kpis?namespace=kafka&dataset=orders", null);

    assertThat(
            send("GET", "/api/v1/lineage/impact?field=kafka.orders.amount", null)
                .body()
                .get("affectedAssets")
                .toString())
        .doesNotContain("dashboard:kpis");
    assertThat(
            send("GET", "/api/v1/lineage/impact?field=kafka.users.country", null)
                .body()
                .get("affectedAssets")
                .toString())
        .contains("dashboard:kpis");
  }

  @Test
  void shouldTraceAColumnBackToItsSources() {
    send("POST", "/api/v1/lineage", fixture("events/dbt-orders-complete.json"));

    Answer upstream = send("GET", "/api/v1/lineage/upstream?field=" + q(REVENUE), null);

    assertThat(upstream.status()).isEqualTo(200);
    assertThat(upstream.body().get("known").asBoolean()).isTrue();
    List<String> ids = new ArrayList<>();
    upstream.body().get("sources").forEach(s -> ids.add(s.get("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder(AMOUNT, "kafka://broker:9092.orders.status");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedEvents")
  void shouldRefuseAMalformedEventWith400NamingTheProblem(String name, String body, String message)
      throws Exception {
    long before = count(registry, "SELECT count(*) FROM lineage_run_events");

    Answer answer = send("POST", "/api/v1/lineage", body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("error_code").asInt()).isEqualTo(400);
    assertThat(answer.body().get("message").asText()).contains(message);
    assertThat(count(registry, "SELECT count(*) FROM lineage_run_events")).isEqualTo(before);
  }

  @Test
  void shouldRefuseQueriesAndDeclarationsThatCannotBeAnswered() {
    assertThat(send("GET", "/api/v1/lineage/impact", null).body().get("message").asText())
        .contains("at least one field");
    assertThat(
            send("GET", "/api/v1/lineage/impact?field=a.b.c&limit=-1", null)
                .body()
                .get("message")
                .asText())
        .contains("limit");
    assertThat(
            send("GET", "/api/v1/lineage/upstream?field=a.b.c&field=d.e.f", null)
                .body()
                .get("message")
                .asText())
        .contains("exactly one field");
    Answer kind =
        send("PUT", "/api/v1/lineage/consumers/spreadsheet/x", "{\"owner\":\"o\",\"inputs\":[]}");
    assertThat(kind.status()).isEqualTo(400);
    assertThat(kind.body().get("message").asText()).contains("spreadsheet");
    Answer input =
        send(
            "PUT",
            "/api/v1/lineage/consumers/dashboard/x",
            "{\"owner\":\"o\",\"dataset\":{\"namespace\":\"k\"},\"fields\":[]}");
    assertThat(input.status()).isEqualTo(400);
    assertThat(input.body().get("message").asText()).contains("dataset.name");
    Answer unknown =
        send("GET", "/api/v1/lineage/impact?field=" + q("kafka.nowhere.nothing"), null);
    assertThat(unknown.status()).isEqualTo(200);
    assertThat(unknown.body().get("unknownFields").get(0).asText())
        .isEqualTo("kafka.nowhere.nothing");
    assertThat(unknown.body().at("/severity/level").asText()).isEqualTo("LOW");
  }

  @Test
  void shouldKeepTheGraphAcrossARestart() throws Exception {
    Path dataDir = Files.createTempDirectory("lineage-restart-");
    try {
      try (RunningRegistry first =
          RegistryConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir).start()) {
        assertThat(
                send(
                        first.url(),
                        "POST",
                        "/api/v1/lineage",
                        fixture("events/dbt-orders-complete.json"))
                    .status())
            .isEqualTo(201);
      }
      try (RunningRegistry second =
          RegistryConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir).start()) {
        Answer impact =
            send(second.url(), "GET", "/api/v1/lineage/impact?field=" + q(AMOUNT), null);
        assertThat(impact.body().get("columns").get(0).asText()).isEqualTo(REVENUE);
        assertThat(
                send(
                        second.url(),
                        "POST",
                        "/api/v1/lineage",
                        fixture("events/dbt-orders-complete.json"))
                    .status())
            .isEqualTo(200);
      }
    } finally {
      try (Stream<Path> paths = Files.walk(dataDir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
