package dev.schemagate.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.RegistryException.Reason;
import dev.schemagate.registry.client.lineage.ConsumerDeclaration;
import dev.schemagate.registry.client.lineage.ImpactReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lineage API and the promotion-target calls (mode, registration with an id) over the shared
 * transport: paths, bodies, and one error mapping (a refused credential is not an outage).
 */
class LineageClientProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeRegistry registry;
  private SchemaRegistryClient client;

  @BeforeEach
  void start() throws Exception {
    registry = FakeRegistry.start();
    client =
        SchemaRegistryClient.builder(registry.url())
            .requestTimeout(Duration.ofSeconds(20))
            .maxBlock(Duration.ofSeconds(30))
            .backoff(Duration.ofMillis(5), Duration.ofMillis(20))
            .failFastFor(Duration.ZERO)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void shouldDeclareAConsumerWithItsDatasetAndFields() throws Exception {
    registry.then(200, "{\"id\":\"dashboard:revenue\",\"inputs\":2}");

    client
        .lineage()
        .declare(
            new ConsumerDeclaration(
                "dashboard",
                "revenue daily",
                "finance",
                "critical",
                Optional.of("prod"),
                "kafka",
                "orders",
                List.of("amount", "currency")));

    var request = registry.last();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path()).isEqualTo("/api/v1/lineage/consumers/dashboard/revenue%20daily");
    var body = JSON.readTree(request.body());
    assertThat(body.get("criticality").asText()).isEqualTo("CRITICAL");
    assertThat(body.get("environment").asText()).isEqualTo("prod");
    assertThat(body.at("/dataset/namespace").asText()).isEqualTo("kafka");
    assertThat(body.at("/dataset/name").asText()).isEqualTo("orders");
    assertThat(body.get("fields")).hasSize(2);
  }

  @Test
  void shouldReadTheGradedImpactOfChangedColumns() throws Exception {
    registry.then(
        200,
        """
        {"severity":{"level":"HIGH","blocking":true,"reason":"a critical dashboard reads it",
          "decisive":["dashboard:revenue"]},
         "affectedAssets":[{"id":"dashboard:revenue","kind":"dashboard","name":"revenue",
          "owner":"finance","criticality":"CRITICAL","direct":true,
          "explanation":"kafka.orders.amount -> dashboard:revenue"}],
         "reachedColumns":3}
        """);

    ImpactReport report =
        client.lineage().impact(List.of("kafka.orders.amount", "kafka.orders.x y"));

    assertThat(registry.last().path()).isEqualTo("/api/v1/lineage/impact");
    assertThat(registry.last().query())
        .isEqualTo("limit=0&field=kafka.orders.amount&field=kafka.orders.x%20y");
    assertThat(report.severity()).isEqualTo("HIGH");
    assertThat(report.blocking()).isTrue();
    assertThat(report.decisive()).containsExactly("dashboard:revenue");
    assertThat(report.assets())
        .singleElement()
        .extracting(ImpactReport.Asset::owner)
        .isEqualTo("finance");
    assertThat(report.reachedColumns()).isEqualTo(3);
  }

  @Test
  void shouldIngestAnEventAndReportADuplicate() throws Exception {
    registry.then(
        200,
        "{\"runId\":\"r1\",\"eventType\":\"COMPLETE\",\"duplicate\":true,\"columns\":4,\"edges\":2}");

    var result = client.lineage().ingest("{\"eventType\":\"COMPLETE\"}");

    assertThat(registry.last().method()).isEqualTo("POST");
    assertThat(registry.last().path()).isEqualTo("/api/v1/lineage");
    assertThat(result.duplicate()).isTrue();
    assertThat(result.edges()).isEqualTo(2);
  }

  @Test
  void shouldReadTheSourcesOfAColumn() throws Exception {
    registry.then(
        200,
        "{\"field\":\"kafka.orders.amount\",\"known\":true,\"sources\":[{\"id\":\"pg.public.orders.amount\",\"root\":true,\"explanation\":\"pg -> kafka\"}]}");

    var upstream = client.lineage().upstream("kafka.orders.amount");

    assertThat(registry.last().path()).isEqualTo("/api/v1/lineage/upstream");
    assertThat(upstream.known()).isTrue();
    assertThat(upstream.sources())
        .singleElement()
        .extracting(s -> s.id())
        .isEqualTo("pg.public.orders.amount");
  }

  @Test
  void shouldTreatForgettingAConsumerNeverDeclaredAsDone() throws Exception {
    registry.then(404, "{\"error_code\":404,\"message\":\"No consumer dashboard:x is declared\"}");

    client.lineage().forget("dashboard", "x", "kafka", "orders");

    assertThat(registry.last().method()).isEqualTo("DELETE");
    assertThat(registry.last().query()).isEqualTo("namespace=kafka&dataset=orders");
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void shouldReportARefusedCredentialOnceAsNotAuthorizedRatherThanRetryAsAnOutage(int status) {
    registry.always(status, "{\"error_code\":" + status + "01,\"message\":\"no\"}");

    assertThatThrownBy(() -> client.lineage().impact(List.of("kafka.orders.amount")))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHORIZED));
    assertThatThrownBy(() -> client.mode("orders-value"))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHORIZED));
    assertThat(registry.requests).hasSize(2); // one attempt each: no retries
  }

  @Test
  void shouldReportALineageOutageAsUnavailable() {
    registry.always(503, "{\"error_code\":50301,\"message\":\"store down\"}");

    assertThatThrownBy(() -> client.lineage().impact(List.of("kafka.orders.amount")))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
  }

  @Test
  void shouldReadASubjectsModeFallingBackToTheGlobalOne() throws Exception {
    registry.then(404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
    registry.then(200, "{\"mode\":\"IMPORT\"}");

    assertThat(client.mode("orders-value")).isEqualTo(RegistryMode.IMPORT);
    assertThat(registry.requests.get(0).path()).isEqualTo("/mode/orders-value");
    assertThat(registry.requests.get(0).query()).isEqualTo("defaultToGlobal=true");
    assertThat(registry.requests.get(1).path()).isEqualTo("/mode");
  }

  @Test
  void shouldRegisterWithAnExplicitIdForImportMode() throws Exception {
    registry.then(200, "{\"id\":42}");

    int id =
        client.registerWithId(
            "orders-value", SchemaSubmission.of(SchemaFormat.JSON, "{\"type\":\"object\"}"), 42);

    assertThat(id).isEqualTo(42);
    var body = JSON.readTree(registry.last().body());
    assertThat(registry.last().path()).isEqualTo("/subjects/orders-value/versions");
    assertThat(body.get("id").asInt()).isEqualTo(42);
    assertThat(body.get("schemaType").asText()).isEqualTo("JSON");
  }

  @Test
  void shouldRefuseAnIdTheTargetWillNotKeepNamingTheCause() {
    registry.then(422, "{\"error_code\":42205,\"message\":\"Subject is not in import mode\"}");

    assertThatThrownBy(
            () ->
                client.registerWithId(
                    "orders-value", SchemaSubmission.of(SchemaFormat.JSON, "{}"), 42))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_BY_MODE);
              assertThat(e.getMessage()).contains("import mode");
            });
  }
}
