package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.cli.diff.GitFixture;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff --registry} against a real registry's full history, and {@code diff --lineage}: the
 * impact tables from a real registry with lineage ingested (an OpenLineage run event and the
 * consumers of {@code contracts/orders.yaml}).
 */
class DiffRegistryTest {
  static RunningRegistry registry;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @BeforeAll
  static void startRegistryWithLineage() throws Exception {
    registry = RegistryConfig.forTests().start();
    try (SchemaRegistryClient client = SchemaRegistryClient.builder(registry.url()).build()) {
      client.register(
          "orders-value", SchemaSubmission.of(SchemaFormat.AVRO, schemaOf("orders-v1")), false);
      client.register(
          "orders-value", SchemaSubmission.of(SchemaFormat.AVRO, schemaOf("orders-v2")), false);
    }
    send(
        "POST",
        "/api/v1/lineage",
        Files.readString(Path.of("../contracts/openlineage/orders-run-event.json")));
    consumer(
        "dbt_model",
        "fct_revenue",
        "analytics",
        "HIGH",
        "orderId",
        "amount",
        "currency",
        "placedAt");
    consumer("dashboard", "exec-revenue", "finance", "CRITICAL", "amount", "currency", "placedAt");
    consumer("ml_model", "fraud-scoring", "risk", "HIGH", "customerId", "amount");
    consumer("service", "order-notifications", "crm", "MEDIUM", "orderId", "customerId");
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void shouldCheckATransitiveLevelAgainstEveryRegisteredVersion() throws IOException {
    try (GitFixture git = GitFixture.init(dir)) {
      git.copySample("schemas/orders/orders-v2.yaml", "orders.yaml").commit("v2");
      git.branch("base");
      git.write(
              "orders.yaml",
              Files.readString(dir.resolve("orders.yaml"))
                  .replace("compatibility: BACKWARD", "compatibility: BACKWARD_TRANSITIVE")
                  .replace("\"default\": null, \"doc\"", "\"doc\""))
          .commit("drop the default of channel");

      CliRun againstBase = CliRun.of("diff", "--repo", dir.toString(), "--base", "base");
      CliRun againstRegistry =
          CliRun.of(
              "diff", "--repo", dir.toString(), "--base", "base", "--registry", registry.url());

      assertThat(againstBase.exitCode()).as(againstBase.err()).isZero();
      assertThat(againstBase.out())
          .contains("BACKWARD_TRANSITIVE is checked against the base only: pass --registry");
      assertThat(againstRegistry.exitCode()).as(againstRegistry.err()).isEqualTo(1);
      assertThat(againstRegistry.out())
          .contains("checked against registry: 2 versions of orders-value")
          .contains("`/fields/channel");
    }
  }

  @Test
  void shouldTraceBreakingFieldsDownstreamIntoBatchAndStreamingTables() throws IOException {
    try (GitFixture git = GitFixture.init(dir)) {
      git.copySample("schemas/orders/orders-v2.yaml", "orders.yaml").commit("v2");
      git.branch("base");
      git.write(
              "orders.yaml",
              Files.readString(dir.resolve("orders.yaml"))
                  .replace(
                      "{\"name\": \"customerId\", \"type\": \"string\"}",
                      "{\"name\": \"customerId\", \"type\": \"long\"}")
                  .replace(
                      "{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 12, \"scale\": 2}",
                      "\"string\""))
          .commit("break amount and customerId");

      CliRun markdown =
          CliRun.of(
              "diff", "--repo", dir.toString(), "--base", "base", "--lineage", registry.url());
      CliRun json =
          CliRun.of(
              "diff",
              "--repo",
              dir.toString(),
              "--base",
              "base",
              "--lineage",
              registry.url(),
              "--format",
              "json");

      assertThat(markdown.exitCode()).as(markdown.err()).isEqualTo(1);
      String md = markdown.out();
      String batch = md.substring(md.indexOf("#### Batch"), md.indexOf("#### Streaming"));
      String streaming = md.substring(md.indexOf("#### Streaming"));
      assertThat(batch)
          .contains("| fct_revenue | dbt_model | HIGH |")
          .contains("| exec-revenue | dashboard | CRITICAL |")
          .contains("| fraud-scoring | ml_model | HIGH |")
          .doesNotContain("order-notifications");
      assertThat(streaming).contains("| order-notifications | service | MEDIUM |");
      assertThat(md)
          .containsPattern(
              "Fields traced: `kafka.orders.customerId`, `kafka.orders.amount` · [1-9][0-9]*"
                  + " columns? reached downstream");
      JsonNode impact = new ObjectMapper().readTree(json.out()).get("impact").get(0);
      assertThat(impact.get("subject").asText()).isEqualTo("orders-value");
      assertThat(impact.get("severity").asText()).isEqualTo("CRITICAL");
      assertThat(impact.get("fields").toString())
          .contains("kafka.orders.customerId", "kafka.orders.amount");
    }
  }

  @Test
  void shouldExitTwoWhenTheRegistryCannotBeReached() throws IOException {
    try (GitFixture git = GitFixture.init(dir)) {
      git.copySample("schemas/orders/orders-v1.yaml", "orders.yaml").commit("v1");
      git.branch("base");
      git.copySample("schemas/orders/orders-v3-BREAKING.yaml", "orders.yaml").commit("v3");

      CliRun run =
          CliRun.of(
              "diff",
              "--repo",
              dir.toString(),
              "--base",
              "base",
              "--lineage",
              "http://127.0.0.1:1");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().lines()).hasSize(1);
      assertThat(run.err()).startsWith("schemagate diff: lineage API at http://127.0.0.1:1:");
    }
  }

  private static String schemaOf(String version) throws IOException {
    String yaml = Files.readString(Path.of("../schemas/orders/" + version + ".yaml"));
    String body = yaml.substring(yaml.indexOf("schema: |") + "schema: |".length());
    return body.strip();
  }

  private static void consumer(
      String kind, String name, String owner, String criticality, String... fields)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    var body = json.createObjectNode();
    body.put("owner", owner);
    body.put("criticality", criticality);
    body.putObject("dataset").put("namespace", "kafka").put("name", "orders");
    var array = body.putArray("fields");
    for (String f : fields) {
      array.add(f);
    }
    send(
        "PUT",
        "/api/v1/lineage/consumers/%s/%s".formatted(kind, name),
        json.writeValueAsString(body));
  }

  private static void send(String method, String path, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
  }
}
