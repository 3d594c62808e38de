package dev.schemagate.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.registry.client.RegistryException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Confluent wire protocol: paths, bodies, content types, error codes, and the caches. */
class SchemaRegistryClientProtocolTest {
  private static final String AVRO = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[]}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeRegistry registry;
  private SchemaRegistryClient client;

  @BeforeEach
  void start() throws Exception {
    registry = FakeRegistry.start();
    client =
        SchemaRegistryClient.builder(registry.url())
            // Generous: these tests are about the protocol, not time, and the box may be loaded.
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
  void shouldRegisterAvroWithoutSchemaTypeAsConfluentDoes() throws Exception {
    registry.then(200, "{\"id\":7}");

    int id = client.register("orders-value", SchemaSubmission.of(SchemaFormat.AVRO, AVRO), false);

    assertThat(id).isEqualTo(7);
    var request = registry.last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/subjects/orders-value/versions");
    assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
    var body = JSON.readTree(request.body());
    assertThat(body.get("schema").asText()).isEqualTo(AVRO);
    assertThat(body.has("schemaType")).isFalse();
    assertThat(body.has("references")).isFalse();
  }

  @Test
  void shouldSendSchemaTypeAndReferencesForJsonAndNormalizeWhenAsked() throws Exception {
    registry.then(200, "{\"id\":3}");
    var submission =
        new SchemaSubmission(
            SchemaFormat.JSON,
            "{\"$ref\":\"address.json\"}",
            List.of(new SchemaReference("address.json", "address", 2)));

    client.register("user events/v1", submission, true);

    var request = registry.last();
    assertThat(request.path()).isEqualTo("/subjects/user%20events%2Fv1/versions");
    assertThat(request.query()).isEqualTo("normalize=true");
    var body = JSON.readTree(request.body());
    assertThat(body.get("schemaType").asText()).isEqualTo("JSON");
    assertThat(body.get("references").get(0).get("name").asText()).isEqualTo("address.json");
    assertThat(body.get("references").get(0).get("subject").asText()).isEqualTo("address");
    assertThat(body.get("references").get(0).get("version").asInt()).isEqualTo(2);
  }

  @Test
  void shouldRegisterIdenticalContentOnlyOnce() throws Exception {
    registry.then(200, "{\"id\":7}");
    var submission = SchemaSubmission.of(SchemaFormat.AVRO, AVRO);

    client.register("orders-value", submission, false);
    int again = client.register("orders-value", submission, false);

    assertThat(again).isEqualTo(7);
    assertThat(registry.requests).hasSize(1);
  }

  @Test
  void shouldReadTheVersionFromARegistrationAnswerWhenTheRegistryGivesIt() throws Exception {
    registry.then(200, "{\"id\":7,\"version\":3}").then(200, "{\"id\":8}");

    var answered =
        client.registerVersion("orders-value", SchemaSubmission.of(SchemaFormat.AVRO, AVRO), false);
    // A Confluent registry before 7.4 answers with the id alone: version 0 says "unknown".
    var idOnly =
        client.registerVersion(
            "orders-value",
            SchemaSubmission.of(SchemaFormat.AVRO, AVRO.replace("Order", "O2")),
            false);

    assertThat(answered).isEqualTo(new RegisteredVersion(7, 3));
    assertThat(idOnly).isEqualTo(new RegisteredVersion(8, 0));
  }

  @Test
  void shouldForgetASubjectItNeverCachedWithoutTouchingOthers() throws Exception {
    registry
        .then(200, "{\"id\":7}")
        .then(404, "{\"error_code\":40401,\"message\":\"Subject 'new-value' not found.\"}");
    var submission = SchemaSubmission.of(SchemaFormat.AVRO, AVRO);
    client.register("orders-value", submission, false);

    assertThat(client.latest("new-value")).isEmpty();
    client.register("orders-value", submission, false);

    // The 404 of a subject never seen leaves what is cached of other subjects in place.
    assertThat(registry.requests).hasSize(2);
  }

  @Test
  void shouldForgetWhatItCachedOfASubjectDeletedOutOfBand() throws Exception {
    registry
        .then(200, "{\"id\":7}")
        .then(404, "{\"error_code\":40401,\"message\":\"Subject 'orders-value' not found.\"}")
        .then(200, "{\"id\":7}");
    var submission = SchemaSubmission.of(SchemaFormat.AVRO, AVRO);
    client.register("orders-value", submission, false);

    assertThat(client.latest("orders-value")).isEmpty();
    client.register("orders-value", submission, false);

    assertThat(registry.requests).hasSize(3);
    assertThat(registry.last().path()).isEqualTo("/subjects/orders-value/versions");
  }

  @Test
  void shouldReadSchemaByIdOnceAndTreatAbsentSchemaTypeAsAvro() throws Exception {
    registry.then(200, "{\"schema\":" + JSON.writeValueAsString(AVRO) + "}");

    var first = client.schemaById(42);
    var second = client.schemaById(42);

    assertThat(first).contains(SchemaSubmission.of(SchemaFormat.AVRO, AVRO));
    assertThat(second).isEqualTo(first);
    assertThat(registry.requests).hasSize(1);
    assertThat(registry.last().path()).isEqualTo("/schemas/ids/42");
  }

  @Test
  void shouldAnswerEmptyForUnknownIdSubjectAndVersion() throws Exception {
    registry
        .then(404, "{\"error_code\":40403,\"message\":\"Schema 9 not found\"}")
        .then(404, "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}")
        .then(404, "{\"error_code\":40402,\"message\":\"Version 5 not found.\"}")
        .then(404, "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}")
        .then(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");

    assertThat(client.schemaById(9)).isEmpty();
    assertThat(client.latest("x")).isEmpty();
    assertThat(client.version("x", 5)).isEmpty();
    assertThat(client.versions("x")).isEmpty();
    assertThat(client.lookup("x", SchemaSubmission.of(SchemaFormat.AVRO, AVRO))).isEmpty();
  }

  @Test
  void shouldLookUpRegisteredContent() throws Exception {
    registry.then(
        200,
        "{\"subject\":\"orders-value\",\"id\":4,\"version\":2,\"schema\":"
            + JSON.writeValueAsString(AVRO)
            + "}");

    var found = client.lookup("orders-value", SchemaSubmission.of(SchemaFormat.AVRO, AVRO));

    assertThat(found)
        .contains(new RegisteredSchema("orders-value", 2, 4, SchemaFormat.AVRO, AVRO, List.of()));
    assertThat(registry.last().path()).isEqualTo("/subjects/orders-value");
  }

  @ParameterizedTest(name = "HTTP {0} with error_code {1} is {2}")
  @CsvSource({
    "409, 409, INCOMPATIBLE",
    "422, 42201, INVALID",
    "422, 42202, INVALID",
    "422, 42205, FORBIDDEN_BY_MODE",
    "400, 400, INVALID",
    "401, 40101, NOT_AUTHORIZED",
    "403, 40301, NOT_AUTHORIZED",
  })
  void shouldMapConfluentErrorBodiesToReasons(int status, int code, Reason reason) {
    registry.then(status, "{\"error_code\":" + code + ",\"message\":\"the server's words\"}");

    assertThatThrownBy(
            () -> client.register("s", SchemaSubmission.of(SchemaFormat.AVRO, AVRO), false))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.errorCode()).isEqualTo(code);
              assertThat(e.getMessage())
                  .contains("subject 's'")
                  .contains("the server's words")
                  .contains("error " + code);
            });
    assertThat(registry.requests).as("client errors are not retried").hasSize(1);
  }

  @Test
  void shouldUseTheHttpStatusWhenTheErrorBodyIsNotConfluents() {
    registry.then(FakeRegistry.json(403, "<html>Forbidden</html>"));

    assertThatThrownBy(() -> client.subjects())
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(403);
              assertThat(e.getMessage()).contains("HTTP 403").contains("Forbidden");
            });
  }

  @Test
  void shouldRefuseAnUnreadableSuccessAnswerWithAClearError() {
    registry.then(200, "this is not json");

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
              assertThat(e.getMessage()).contains("read schema id 1").contains("unreadable answer");
            });
  }

  @Test
  void shouldRefuseAnUnsupportedSchemaType() {
    registry.then(200, "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}");

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID);
              assertThat(e.getMessage()).contains("PROTOBUF is not supported");
            });
  }

  @Test
  void shouldReportEveryIncompatibilityMessage() throws Exception {
    registry.then(200, "{\"is_compatible\":false,\"messages\":[\"a removed\",\"b narrowed\"]}");

    var report = client.testCompatibility("s", SchemaSubmission.of(SchemaFormat.AVRO, AVRO));

    assertThat(report)
        .isEqualTo(new CompatibilityReport(false, List.of("a removed", "b narrowed")));
    assertThat(registry.last().path()).isEqualTo("/compatibility/subjects/s/versions/latest");
    assertThat(registry.last().query()).isEqualTo("verbose=true");
  }

  @Test
  void shouldTreatASubjectWithoutHistoryAsCompatible() throws Exception {
    registry.then(404, "{\"error_code\":40401,\"message\":\"Subject 's' not found.\"}");

    assertThat(client.testCompatibility("s", SchemaSubmission.of(SchemaFormat.AVRO, AVRO)))
        .isEqualTo(new CompatibilityReport(true, List.of()));
  }

  @Test
  void shouldReadAndWriteCompatibilityLevels() throws Exception {
    registry
        .then(200, "{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}")
        .then(200, "{\"compatibility\":\"NONE\"}");

    assertThat(client.compatibility("s")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(registry.last().query()).isEqualTo("defaultToGlobal=true");
    client.setCompatibility("s", CompatibilityLevel.NONE);
    assertThat(registry.last().method()).isEqualTo("PUT");
    assertThat(JSON.readTree(registry.last().body()).get("compatibility").asText())
        .isEqualTo("NONE");
  }

  @Test
  void shouldSoftDeleteBeforeAPermanentDelete() throws Exception {
    registry.then(200, "[1,2]").then(200, "[1,2]");

    assertThat(client.deleteSubject("s", true)).containsExactly(1, 2);
    assertThat(registry.requests)
        .extracting(FakeRegistry.Request::query)
        .containsExactly(null, "permanent=true");
  }

  @Test
  void shouldRevalidateTheLatestVersionWithItsEtag() throws Exception {
    try (var fresh =
        SchemaRegistryClient.builder(registry.url()).latestTtl(Duration.ZERO).build()) {
      String answer =
          "{\"subject\":\"s\",\"id\":1,\"version\":3,\"schema\":"
              + JSON.writeValueAsString(AVRO)
              + "}";
      registry
          .then(FakeRegistry.json(200, answer, Map.of("ETag", "\"v3\"")))
          .then(FakeRegistry.json(304, ""));

      var first = fresh.latest("s");
      var second = fresh.latest("s");

      assertThat(second).isEqualTo(first);
      assertThat(first.orElseThrow().version()).isEqualTo(3);
      assertThat(registry.requests.get(0).header("If-None-Match")).isNull();
      assertThat(registry.requests.get(1).header("If-None-Match")).isEqualTo("\"v3\"");
    }
  }

  @Test
  void shouldServeTheLatestVersionFromCacheWithinItsTtl() throws Exception {
    registry.then(
        200,
        "{\"subject\":\"s\",\"id\":1,\"version\":3,\"schema\":"
            + JSON.writeValueAsString(AVRO)
            + "}");

    client.latest("s");
    client.latest("s");

    assertThat(registry.requests).hasSize(1);
  }

  @Test
  void shouldRefuseBadUrlsWithAClearMessage() {
    assertThatThrownBy(() -> SchemaRegistryClient.builder("localhost:8081"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected http(s)://host");
    assertThatThrownBy(() -> SchemaRegistryClient.builder(" , "))
        .hasMessageContaining("URL is required");
  }
}
