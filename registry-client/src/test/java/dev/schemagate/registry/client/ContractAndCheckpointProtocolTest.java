package dev.schemagate.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.RegistryException.Reason;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A version with its data-contract fields (metadata, ruleSet) and the checkpoint extension, over
 * the shared transport: paths, bodies, absent resources, and the one error mapping.
 */
class ContractAndCheckpointProtocolTest {
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
            .basicAuth("operator", "s3cret")
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void shouldReadTheLatestVersionWithItsMetadataAndRuleSetEveryTime() throws Exception {
    String answer =
        """
        {"subject":"orders-value","version":3,"id":7,"schemaType":"JSON","schema":"{}",
         "metadata":{"properties":{"owner":"payments"}},
         "ruleSet":{"domainRules":[{"name":"schemagate_eur","kind":"CONDITION","type":"CEL",
           "mode":"WRITE","expr":"message.currency == 'EUR'","future":"kept"}]}}
        """;
    registry.then(200, answer).then(200, answer);

    ContractVersion latest = client.latestWithContract("orders-value").orElseThrow();
    client.latestWithContract("orders-value");

    assertThat(registry.requests).hasSize(2); // never served from the "latest" cache
    assertThat(registry.last().path()).isEqualTo("/subjects/orders-value/versions/latest");
    assertThat(latest.schema().version()).isEqualTo(3);
    assertThat(latest.schema().id()).isEqualTo(7);
    assertThat(latest.schema().format()).isEqualTo(SchemaFormat.JSON);
    assertThat(latest.contract().metadata().orElseThrow().at("/properties/owner").asText())
        .isEqualTo("payments");
    assertThat(latest.contract().ruleSet().orElseThrow().at("/domainRules/0/future").asText())
        .isEqualTo("kept"); // fields we do not know survive a round trip
  }

  @Test
  void shouldAnswerEmptyForASubjectWithoutVersionsAndNoContractFieldsWhenAbsent() throws Exception {
    registry.then(404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
    registry.then(200, "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"int\\\"\"}");

    assertThat(client.latestWithContract("s")).isEmpty();
    ContractVersion plain = client.latestWithContract("s").orElseThrow();
    assertThat(plain.schema().format()).isEqualTo(SchemaFormat.AVRO);
    assertThat(plain.contract()).isEqualTo(DataContractFields.none());
  }

  @Test
  void shouldRegisterWithMetadataAndRuleSetAndReadTheNewVersion() throws Exception {
    registry.then(200, "{\"id\":8,\"version\":4}");
    var ruleSet = JSON.readTree("{\"domainRules\":[{\"name\":\"schemagate_eur\"}]}");
    var metadata = JSON.readTree("{\"properties\":{\"owner\":\"payments\"}}");

    RegisteredVersion registration =
        client.registerWithContract(
            "orders-value",
            SchemaSubmission.of(SchemaFormat.AVRO, "\"string\""),
            new DataContractFields(Optional.of(metadata), Optional.of(ruleSet)));

    assertThat(registration).isEqualTo(new RegisteredVersion(8, 4));
    var request = registry.last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/subjects/orders-value/versions");
    assertThat(request.header("Authorization")).startsWith("Basic ");
    var body = JSON.readTree(request.body());
    assertThat(body.has("schemaType")).isFalse(); // AVRO, as Confluent sends it
    assertThat(body.get("ruleSet")).isEqualTo(ruleSet);
    assertThat(body.get("metadata")).isEqualTo(metadata);
  }

  @Test
  void shouldRegisterWithoutContractFieldsWhenThereAreNone() throws Exception {
    registry.then(200, "{\"id\":8}");

    RegisteredVersion registration =
        client.registerWithContract(
            "s", SchemaSubmission.of(SchemaFormat.AVRO, "\"int\""), DataContractFields.none());

    assertThat(registration)
        .isEqualTo(new RegisteredVersion(8, 0)); // Confluent answers the id alone
    var body = JSON.readTree(registry.last().body());
    assertThat(body.has("ruleSet")).isFalse();
    assertThat(body.has("metadata")).isFalse();
  }

  @Test
  void shouldReportAnIncompatibleContractedRegistrationAsIncompatible() {
    registry.then(
        409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");

    assertThatThrownBy(
            () ->
                client.registerWithContract(
                    "s",
                    SchemaSubmission.of(SchemaFormat.AVRO, "\"int\""),
                    DataContractFields.none()))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE);
              assertThat(e.getMessage()).contains("subject 's'").contains("incompatible");
            });
  }

  @Test
  void shouldRecordACheckpointWithItsNamespace() throws Exception {
    registry.then(201, "{\"id\":12}");
    ObjectNode report =
        (ObjectNode)
            JSON.readTree(
                """
                {"contract":"orders","verdict":"PASSED","at":"2026-12-01T10:00:00Z",
                 "source":"orders.csv","rows":3,"rules":[]}
                """);

    long id = client.checkpoints().record("shop", report);

    assertThat(id).isEqualTo(12);
    assertThat(registry.last().method()).isEqualTo("POST");
    assertThat(registry.last().path()).isEqualTo("/api/v1/checkpoints");
    var body = JSON.readTree(registry.last().body());
    assertThat(body.get("namespace").asText()).isEqualTo("shop");
    assertThat(body.get("verdict").asText()).isEqualTo("PASSED");
    assertThat(report.has("namespace")).isFalse(); // the caller's report is left as it was
  }

  @Test
  void shouldNameWhatTheRegistryRefusesInACheckpoint() {
    registry.then(
        400, "{\"error_code\":400,\"message\":\"Invalid checkpoint: rows must be a count\"}");

    assertThatThrownBy(() -> client.checkpoints().record("shop", JSON.createObjectNode()))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID);
              assertThat(e.getMessage()).contains("rows must be a count");
            });
  }

  @Test
  void shouldReadTheLatestCheckpointOrNoneRecorded() throws Exception {
    registry.then(
        200,
        """
        {"id":5,"namespace":"shop","contract":"orders","verdict":"FAILED",
         "at":"2026-12-01T10:00:00Z","source":"s3://b/orders.parquet","rows":1000,
         "failedRules":2,"report":{"rules":[]}}
        """);
    registry.then(
        404, "{\"error_code\":404,\"message\":\"No checkpoint recorded for contract shop/x\"}");

    var found = client.checkpoints().latest("shop", "orders").orElseThrow();
    assertThat(registry.last().path()).isEqualTo("/api/v1/checkpoints/shop/orders/latest");
    assertThat(found.verdict()).isEqualTo("FAILED");
    assertThat(found.rows()).isEqualTo(1000);
    assertThat(found.failedRules()).isEqualTo(2);
    assertThat(found.source()).isEqualTo("s3://b/orders.parquet");
    assertThat(client.checkpoints().latest("shop", "x")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void shouldReportARefusedCredentialOnceAsNotAuthorized(int status) {
    registry.always(status, "{\"error_code\":" + status + "01,\"message\":\"no\"}");

    assertThatThrownBy(() -> client.checkpoints().latest("shop", "orders"))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHORIZED));
    assertThatThrownBy(() -> client.latestWithContract("orders-value"))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHORIZED));
    assertThat(registry.requests).hasSize(2); // one attempt each: no retries
  }

  @Test
  void shouldTreatGarbageAsAnOutage() {
    registry.always(200, "not json");

    assertThatThrownBy(() -> client.checkpoints().latest("shop", "orders"))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
              assertThat(e.getMessage()).contains("not JSON");
            });
  }

  @Test
  void shouldRetryAnOutageOfTheCheckpointApi() throws Exception {
    registry.then(503, "{\"error_code\":50301,\"message\":\"store down\"}");
    registry.then(201, "{\"id\":1}");

    assertThat(client.checkpoints().record("shop", JSON.createObjectNode())).isEqualTo(1);
    assertThat(registry.requests).hasSize(2);
  }
}
