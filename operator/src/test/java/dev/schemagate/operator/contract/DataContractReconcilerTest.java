package dev.schemagate.operator.contract;

import static dev.schemagate.operator.contract.LineageOperatorFixture.avroSchema;
import static dev.schemagate.operator.contract.LineageOperatorFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.crds.v1alpha1.Consumer;
import dev.schemagate.crds.v1alpha1.ConsumerKind;
import dev.schemagate.crds.v1alpha1.Criticality;
import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.DataContractSpec;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.Drift;
import dev.schemagate.crds.v1alpha1.DriftSummary;
import dev.schemagate.crds.v1alpha1.Enforcement;
import dev.schemagate.crds.v1alpha1.Owner;
import dev.schemagate.crds.v1alpha1.QualityRule;
import dev.schemagate.crds.v1alpha1.QualityRuleType;
import dev.schemagate.crds.v1alpha1.RuleSeverity;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DataContract reconciler on the mock API server, the real registry and its lineage API. */
@EnableKubernetesMockClient(crud = true)
class DataContractReconcilerTest {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  static KubernetesClient client;
  static LineageOperatorFixture fixture;

  private String namespace;
  private String subject;

  @BeforeAll
  static void startEverything() throws IOException {
    fixture = LineageOperatorFixture.start(client);
  }

  @AfterAll
  static void stopEverything() throws IOException {
    fixture.close();
  }

  @BeforeEach
  void freshNames() {
    int n = SEQUENCE.incrementAndGet();
    namespace = "contracts-" + n;
    subject = "payments" + n + "-value";
  }

  @Test
  void shouldResolveValidateRecordConsumersAndExportTheDbtContract() throws Exception {
    schema();
    contract(
        spec(
            List.of(
                new QualityRule(
                    "amount", QualityRuleType.RANGE, Map.of("min", "0"), RuleSeverity.ERROR)),
            List.of(
                new Consumer(
                    "fct_revenue",
                    ConsumerKind.DBT_MODEL,
                    List.of("amount", "currency"),
                    Criticality.HIGH,
                    "analytics")),
            new Enforcement("payments", "payments-dlq", "stg_payments")));

    DataContract ready = awaitCondition("Ready", "True");

    assertThat(ready.getStatus().getSchemaVersion()).isEqualTo(1);
    assertThat(ready.getStatus().getSchemaSubject()).isEqualTo(subject);
    assertThat(condition(ready, "Valid")).isEqualTo("True/Valid");
    assertThat(condition(ready, "SchemaResolved")).isEqualTo("True/Resolved");
    ConfigMap dbt =
        client.configMaps().inNamespace(namespace).withName("payments-contract-dbt").get();
    assertThat(dbt.getMetadata().getOwnerReferences().getFirst().getName())
        .isEqualTo("payments-contract");
    JsonNode model =
        new ObjectMapper(new YAMLFactory())
            .readTree(dbt.getData().get("schema.yml"))
            .at("/models/0");
    assertThat(model.get("name").asText()).isEqualTo("stg_payments");
    assertThat(model.at("/config/contract/enforced").asBoolean()).isTrue();
    assertThat(model.at("/columns/1/name").asText()).isEqualTo("amount");
    assertThat(model.at("/columns/1/data_type").asText()).isEqualTo("double");
    assertThat(model.at("/columns/1/constraints/1/expression").asText()).isEqualTo("amount >= 0");
    JsonNode impact = impact("kafka.payments.amount");
    assertThat(impact.at("/affectedAssets/0/id").asText()).isEqualTo("dbt_model:fct_revenue");
    assertThat(impact.at("/affectedAssets/0/owner").asText()).isEqualTo("analytics");
    assertThat(impact.at("/affectedAssets/0/environment").asText()).isEqualTo("prod");
  }

  @Test
  void shouldShowTheLatestCheckpointTheRegistryHolds() throws Exception {
    HttpResponse<String> posted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(fixture.base.registryServer.url() + "/api/v1/checkpoints"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            """
                            {"namespace": "%s", "contract": "payments-contract",
                             "verdict": "FAILED", "at": "2026-12-01T10:00:00Z",
                             "source": "warehouse table payments", "rows": 1200,
                             "rules": [{"id": "not_null(id)", "status": "FAILED"}]}
                            """
                                .formatted(namespace)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    schema();
    contract(spec(List.of(), List.of(), null));

    DataContract ready = awaitCondition("Ready", "True");

    assertThat(ready.getStatus().getLastCheckpoint())
        .isEqualTo(
            new dev.schemagate.crds.v1alpha1.CheckpointSummary(
                "FAILED", "2026-12-01T10:00:00Z", "warehouse table payments", 1200L, 1));
  }

  @Test
  void shouldAnnounceADriftBreachOnceAndItsRecovery() throws Exception {
    postDrift(
        "2026-12-01T10:00:00Z",
        "{\"test\": \"psi\", \"value\": 0.41, \"threshold\": 0.2},"
            + " {\"test\": \"ks\", \"value\": 0.3, \"threshold\": 0.2}");
    schema();
    contract(spec(List.of(), List.of(), null));

    DataContract breached = awaitDrift("BREACHED", 1);

    assertThat(breached.getStatus().getLastDrift())
        .isEqualTo(
            new DriftSummary(
                "BREACHED",
                "2026-12-01T10:00:00Z",
                "payments",
                12000L,
                List.of(
                    new DriftSummary.Breach("amount", "psi", 0.41, 0.2),
                    new DriftSummary.Breach("amount", "ks", 0.3, 0.2))));
    await().atMost(Duration.ofSeconds(30)).until(() -> announced("DataDrift") == 1);
    Event event = driftEvents("DataDrift").getFirst();
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getMessage())
        .contains("data drift on payments after 12000 records")
        .contains("amount: psi 0.4100 > 0.2000")
        .contains("amount: ks 0.3000 > 0.2000");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> notices("Data drift: " + namespace + "/payments-contract").size() == 1);
    assertThat(notices("Data drift: " + namespace + "/payments-contract").getFirst())
        .contains("amount: psi 0.4100 > 0.2000")
        .contains("payments-team");
    assertThat(pages("\"trigger\"")).hasSize(1);

    // the same report seen again (a spec change forces a reconcile): nothing announced again
    touch("second look");
    awaitDrift("BREACHED", 2);
    assertThat(announced("DataDrift")).isEqualTo(1);
    assertThat(notices("Data drift: " + namespace + "/payments-contract")).hasSize(1);

    postDrift("2026-12-01T11:00:00Z", "");
    touch("third look");
    awaitDrift("STEADY", 3);
    await().atMost(Duration.ofSeconds(30)).until(() -> announced("DataDriftRecovered") == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> notices("Data drift recovered: " + namespace + "/payments-contract").size() == 1);
    assertThat(pages("\"resolve\"")).hasSize(1);
    // One writer sends events in order: a second DataDrift would have arrived before the recovery.
    assertThat(announced("DataDrift")).isEqualTo(1);
  }

  private void postDrift(String at, String breaches) throws Exception {
    HttpResponse<String> posted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(fixture.base.registryServer.url() + "/api/v1/drift-reports"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            """
                            {"namespace": "%s", "contract": "payments-contract",
                             "at": "%s", "source": "payments", "records": 12000,
                             "fields": [{"field": "amount", "psi": 0.41, "breaches": [%s]}]}
                            """
                                .formatted(namespace, at, breaches)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
  }

  private void touch(String description) {
    client
        .resources(DataContract.class)
        .inNamespace(namespace)
        .withName("payments-contract")
        .edit(
            dc -> {
              dc.getSpec().setDescription(description);
              return dc;
            });
  }

  private DataContract awaitDrift(String verdict, long generation) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                    .resources(DataContract.class)
                    .inNamespace(namespace)
                    .withName("payments-contract")
                    .get(),
            dc ->
                dc.getStatus() != null
                    && dc.getStatus().getObservedGeneration() != null
                    && dc.getStatus().getObservedGeneration() >= generation
                    && dc.getStatus().getLastDrift() != null
                    && verdict.equals(dc.getStatus().getLastDrift().verdict()));
  }

  /** How often it was announced: a repeat bumps the count of one event (as client-go does). */
  private int announced(String reason) {
    return driftEvents(reason).stream()
        .mapToInt(e -> e.getCount() == null ? 1 : e.getCount())
        .sum();
  }

  private List<Event> driftEvents(String reason) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .filter(e -> "DataContract".equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  private List<String> notices(String prefix) {
    return fixture.slack.stream().filter(body -> body.contains(prefix)).toList();
  }

  private List<String> pages(String action) {
    return fixture.pagerDuty.stream()
        .filter(body -> body.contains("schemagate/drift/" + namespace + "/"))
        .filter(body -> body.contains(action))
        .toList();
  }

  @Test
  void shouldNameADriftThresholdOnAFieldTheSchemaLacks() {
    schema();
    DataContractSpec spec = spec(List.of(), List.of(), null);
    spec.setDrift(
        new Drift(
            1000,
            100,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new Drift.FieldDrift("amount", 0.1, null, null, null, null),
                new Drift.FieldDrift("amount_eur", null, 0.1, null, null, 0.001))));
    contract(spec);

    DataContract invalid = awaitCondition("Valid", "False");

    assertThat(invalid.getStatus().getProblems())
        .extracting(p -> p.path() + ": " + p.message())
        .containsExactly("spec.drift.fields[1].field: field 'amount_eur' is not in the schema");
  }

  @Test
  void shouldShowNoCheckpointForAContractNeverChecked() {
    schema();
    contract(spec(List.of(), List.of(), null));

    DataContract ready = awaitCondition("Ready", "True");

    assertThat(ready.getStatus().getLastCheckpoint()).isNull();
  }

  @Test
  void shouldReportEveryFieldTheSchemaLacks() {
    schema();
    contract(
        spec(
            List.of(
                new QualityRule(
                    "amount_cents", QualityRuleType.NOT_NULL, Map.of(), RuleSeverity.ERROR)),
            List.of(
                new Consumer(
                    "ops",
                    ConsumerKind.DASHBOARD,
                    List.of("orderId", "refundedAt"),
                    Criticality.LOW,
                    null)),
            null));

    DataContract invalid = awaitCondition("Valid", "False");

    assertThat(condition(invalid, "Ready")).isEqualTo("False/InvalidContract");
    assertThat(invalid.getStatus().getProblems())
        .extracting(p -> p.path())
        .containsExactly("spec.quality[0].field", "spec.consumers[0].fields[1]");
    assertThat(invalid.getStatus().getProblems().getFirst().message()).contains("amount_cents");
  }

  @Test
  void shouldWaitForADataSchemaThatDoesNotExist() {
    contract(spec(List.of(), List.of(), null));

    DataContract waiting = awaitCondition("SchemaResolved", "False");

    assertThat(condition(waiting, "SchemaResolved")).isEqualTo("False/DataSchemaNotFound");
    assertThat(condition(waiting, "Ready")).isEqualTo("False/DataSchemaNotFound");
  }

  private void schema() {
    client
        .resource(
            avroSchema(
                namespace,
                "payments",
                subject,
                resource("/dev/schemagate/operator/promotion/orders-v1.avsc")))
        .create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                    .resources(DataSchema.class)
                    .inNamespace(namespace)
                    .withName("payments")
                    .get(),
            ds -> ds.getStatus() != null && ds.getStatus().getVersion() != null);
  }

  private DataContractSpec spec(
      List<QualityRule> rules, List<Consumer> consumers, Enforcement enforcement) {
    DataContractSpec spec = new DataContractSpec();
    spec.setSchemaRef("payments");
    spec.setOwner(new Owner("payments-team", "#payments", null));
    spec.setQuality(rules);
    spec.setConsumers(consumers);
    spec.setEnforcement(enforcement);
    return spec;
  }

  private void contract(DataContractSpec spec) {
    DataContract dc = new DataContract();
    dc.setMetadata(
        new ObjectMetaBuilder().withName("payments-contract").withNamespace(namespace).build());
    dc.setSpec(spec);
    client.resource(dc).create();
  }

  private DataContract awaitCondition(String type, String status) {
    Predicate<DataContract> reached =
        dc ->
            dc != null
                && dc.getStatus() != null
                && dc.getStatus().condition(type).map(c -> c.status().equals(status)).orElse(false);
    try {
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  client
                      .resources(DataContract.class)
                      .inNamespace(namespace)
                      .withName("payments-contract")
                      .get(),
              reached);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      DataContract last =
          client
              .resources(DataContract.class)
              .inNamespace(namespace)
              .withName("payments-contract")
              .get();
      throw new AssertionError(
          "last status: " + (last == null ? "(gone)" : Serialization.asJson(last.getStatus())), e);
    }
  }

  private static String condition(DataContract dc, String type) {
    return dc.getStatus().condition(type).map(c -> c.status() + "/" + c.reason()).orElse("(none)");
  }

  private static JsonNode impact(String field) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            fixture.base.registryServer.url()
                                + "/api/v1/lineage/impact?field="
                                + field))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body());
  }
}
