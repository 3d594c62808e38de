package dev.schemagate.cli.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.cli.Schemagate;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schemagate lineage ingest-dbt} with the manifest real dbt wrote for the project in {@code
 * cli/src/test/dbt/shop} (regenerate.sh), into the real registry's lineage graph.
 */
class IngestDbtTest {
  static RunningRegistry registry;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    registry = RegistryConfig.forTests().start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Schemagate.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Path manifest() throws Exception {
    return Path.of(
        IngestDbtTest.class.getResource("/dev/schemagate/cli/dbt/manifest.json").toURI());
  }

  private static JsonNode impact(String field) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(registry.url() + "/api/v1/lineage/impact?field=" + field))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private static List<String> assets(JsonNode impact) {
    List<String> ids = new ArrayList<>();
    impact.get("affectedAssets").forEach(a -> ids.add(a.get("id").asText()));
    return ids;
  }

  @Test
  void shouldPutModelsSourcesExposuresAndTheirColumnsIntoTheLineageGraph() throws Exception {
    Run run =
        run(
            "lineage",
            "ingest-dbt",
            "--manifest",
            manifest().toString(),
            "--registry",
            registry.url(),
            "--namespace",
            "postgres://warehouse:5432",
            "--environment",
            "prod");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "ingested dbt project shop: 3 models (1 with an enforced contract), 2 sources,"
                + " 2 exposures; 3 events,");
    JsonNode amount = impact("postgres://warehouse:5432.warehouse.raw.orders.amount");
    assertThat(assets(amount))
        .contains(
            "dbt_model:stg_orders",
            "dbt_model:fct_revenue",
            "dashboard:exec_revenue",
            "ml_model:fraud_scoring");
    // raw.orders.amount -> stg_orders.amount (same name) -> fct_revenue.amount
    assertThat(amount.get("columns").toString())
        .contains("postgres://warehouse:5432.warehouse.analytics.stg_orders.amount")
        .contains("postgres://warehouse:5432.warehouse.analytics.fct_revenue.amount");
    JsonNode email = impact("postgres://warehouse:5432.warehouse.raw.customers.email");
    assertThat(assets(email)).containsExactly("dbt_model:stg_customers");
  }

  @Test
  void shouldStoreNothingNewWhenTheSameManifestIsIngestedAgain() throws Exception {
    String[] args = {
      "lineage",
      "ingest-dbt",
      "--manifest",
      manifest().toString(),
      "--registry",
      registry.url(),
      "--environment",
      "prod"
    };
    Run first = run(args);
    List<String> once = assets(impact("postgres.warehouse.raw.orders.currency"));
    Run again = run(args);

    assertThat(once).contains("dbt_model:stg_orders", "ml_model:fraud_scoring");

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(assets(impact("postgres.warehouse.raw.orders.currency")))
        .contains("dbt_model:stg_orders", "ml_model:fraud_scoring");
  }

  @Test
  void shouldPrintEventsWithoutARegistryOnADryRun() throws Exception {
    Run run = run("lineage", "ingest-dbt", "--manifest", manifest().toString(), "--dry-run");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode first = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
    assertThat(first.at("/job/namespace").asText()).isEqualTo("dbt");
    assertThat(first.at("/outputs/0/namespace").asText()).isEqualTo("postgres");
    // every line is JSON, the consumer declarations too
    List<JsonNode> lines = new java.util.ArrayList<>();
    for (String line : run.out().lines().toList()) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertThat(lines)
        .filteredOn(l -> l.has("consumer"))
        .extracting(l -> l.get("consumer").asText() + " " + l.get("name").asText())
        .contains("dashboard exec_revenue", "ml_model fraud_scoring");
  }

  @Test
  void shouldWarnAboutAManifestSchemaVersionItDoesNotKnow() throws Exception {
    Path v13 = dir.resolve("v13.json");
    Files.writeString(
        v13, Files.readString(manifest()).replace("/manifest/v12.json", "/manifest/v13.json"));

    Run known = run("lineage", "ingest-dbt", "--manifest", manifest().toString(), "--dry-run");
    Run newer = run("lineage", "ingest-dbt", "--manifest", v13.toString(), "--dry-run");

    assertThat(known.err()).isEmpty();
    assertThat(newer.code()).isZero();
    assertThat(newer.err())
        .isEqualTo(
            "schemagate lineage ingest-dbt: warning: "
                + v13
                + " is manifest schema https://schemas.getdbt.com/dbt/manifest/v13.json; this"
                + " reader knows v10-v12 (dbt 1.6-1.10): check the result\n");
  }

  @Test
  void shouldNameWhatIsWrongWithAManifest() throws Exception {
    Path notJson = dir.resolve("broken.json");
    Files.writeString(notJson, "{\n  \"metadata\": {\n    \"dbt_schema_version\": \n");
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/catalog/v1.json\"},"
            + " \"nodes\": {}, \"sources\": {}}");
    Path list = dir.resolve("list.json");
    Files.writeString(list, "[1, 2]");

    Path deep = dir.resolve("deep.json");
    Files.writeString(deep, "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));

    Run broken = run("lineage", "ingest-dbt", "--manifest", notJson.toString(), "--dry-run");
    Run tooDeep = run("lineage", "ingest-dbt", "--manifest", deep.toString(), "--dry-run");
    Run swapped = run("lineage", "ingest-dbt", "--manifest", catalog.toString(), "--dry-run");
    Run array = run("lineage", "ingest-dbt", "--manifest", list.toString(), "--dry-run");
    Run missing = run("lineage", "ingest-dbt", "--manifest", dir.resolve("no.json").toString());
    Run noRegistry =
        run("lineage", "ingest-dbt", "--manifest", manifest().toString(), "--registry", "");

    assertThat(broken.code()).isEqualTo(2);
    assertThat(broken.err()).contains("broken.json: not valid JSON at line 4, column ");
    assertThat(tooDeep.code()).isEqualTo(2);
    assertThat(tooDeep.err())
        .startsWith("schemagate lineage ingest-dbt: " + deep + ": not valid JSON: ")
        .contains("nesting depth");
    assertThat(swapped.err()).contains("not a dbt manifest").contains("pass it as --catalog");
    assertThat(array.err()).contains("not a dbt manifest: expected a JSON object");
    assertThat(missing.err()).contains("no.json: no such file");
    assertThat(noRegistry.err()).contains("--registry URL");
    assertThat(List.of(swapped.code(), array.code(), missing.code(), noRegistry.code()))
        .containsOnly(2);
  }
}
