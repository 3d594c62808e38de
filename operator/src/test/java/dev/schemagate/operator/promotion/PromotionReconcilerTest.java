package dev.schemagate.operator.promotion;

import static dev.schemagate.operator.contract.LineageOperatorFixture.avro;
import static dev.schemagate.operator.contract.LineageOperatorFixture.avroSchema;
import static dev.schemagate.operator.contract.LineageOperatorFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import dev.schemagate.crds.v1alpha1.Approval;
import dev.schemagate.crds.v1alpha1.Compatibility;
import dev.schemagate.crds.v1alpha1.Consumer;
import dev.schemagate.crds.v1alpha1.ConsumerKind;
import dev.schemagate.crds.v1alpha1.Criticality;
import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.DataContractSpec;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.Owner;
import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.crds.v1alpha1.PromotionPhase;
import dev.schemagate.crds.v1alpha1.PromotionSpec;
import dev.schemagate.crds.v1alpha1.Severity;
import dev.schemagate.operator.contract.LineageOperatorFixture;
import dev.schemagate.operator.promotion.notify.NotificationSettings;
import dev.schemagate.operator.promotion.notify.Notifier;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Promotion scenarios end to end: the mock API server, two real registries (dev, staging), the
 * lineage graph on the dev registry fed by a DataContract, notifications on a local web server.
 */
@EnableKubernetesMockClient(crud = true)
class PromotionReconcilerTest {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();
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
    namespace = "promo-" + n;
    subject = "orders" + n + "-value";
  }

  @Test
  void shouldPromoteASafeChangeWithTheSameFingerprint() throws Exception {
    fixture.stagingClient.register(subject, avro(schema("orders-v1.avsc")), false);
    dataSchema(schema("orders-v1.avsc"), Compatibility.BACKWARD);
    awaitDevVersion(1);
    editSchema(schema("orders-v2-additive.avsc"));
    awaitDevVersion(2);

    promote("safe", 2, "dev", "staging");

    Promotion done = awaitPhase("safe", PromotionPhase.Promoted);
    String expected =
        Schemas.parse(SchemaFormat.AVRO, schema("orders-v2-additive.avsc")).fingerprint().value();
    assertThat(done.getStatus().getFingerprint()).isEqualTo(expected);
    assertThat(done.getStatus().getTargetVersion()).isEqualTo(2);
    assertThat(done.getStatus().getImpact().severity()).isEqualTo(Severity.NONE);
    var latest = fixture.stagingClient.latest(subject).orElseThrow();
    assertThat(Schemas.parse(latest.format(), latest.schema()).fingerprint().value())
        .isEqualTo(expected);
    assertThat(condition(done, "Ready")).isEqualTo("True/Promoted");
  }

  @Test
  void shouldBlockACriticalChangeUntilTheOwnerApprovesThenPromoteIt() throws Exception {
    fixture.stagingClient.setCompatibility(subject, CompatibilityLevel.NONE);
    fixture.stagingClient.register(subject, avro(schema("orders-v1.avsc")), false);
    dataSchema(schema("orders-v1.avsc"), Compatibility.NONE);
    awaitDevVersion(1);
    contract(
        new Consumer(
            "exec-revenue",
            ConsumerKind.DASHBOARD,
            List.of("amount"),
            Criticality.CRITICAL,
            "finance"));
    awaitContractReady();
    editSchema(schema("orders-v2-amount-removed.avsc"));
    awaitDevVersion(2);
    int slackBefore = fixture.slack.size();

    promote("risky", 2, "dev", "staging");

    Promotion blocked = awaitPhase("risky", PromotionPhase.Blocked);
    assertThat(blocked.getStatus().getImpact().severity()).isEqualTo(Severity.CRITICAL);
    var asset = blocked.getStatus().getImpact().affectedAssets().getFirst();
    assertThat(asset.name()).isEqualTo("dashboard:exec-revenue");
    assertThat(asset.owner()).isEqualTo("finance");
    assertThat(asset.paths().getFirst())
        .isEqualTo("kafka." + topic() + ".amount -[DIRECT]-> dashboard:exec-revenue");
    assertThat(condition(blocked, "Approved")).isEqualTo("False/AwaitingApproval");
    assertThat(fixture.stagingClient.latest(subject).orElseThrow().version()).isEqualTo(1);
    JsonNode slackBlocked = awaitNotice(fixture.slack, slackBefore, "Promotion blocked");
    assertThat(slackBlocked.toString())
        .contains("exec-revenue", "finance", "Waiting for approval from");
    JsonNode pdTrigger = awaitPagerDuty("trigger", "risky");
    assertThat(pdTrigger.get("routing_key").asText()).isEqualTo("routing-key-1");
    assertThat(pdTrigger.at("/payload/severity").asText()).isEqualTo("critical");
    assertThat(pdTrigger.at("/payload/custom_details/affected_assets/0/owner").asText())
        .isEqualTo("finance");

    client
        .resources(Promotion.class)
        .inNamespace(namespace)
        .withName("risky")
        .edit(
            p -> {
              p.getSpec()
                  .setApprovals(
                      List.of(new Approval("finance", "alice", "we migrate the dashboard today")));
              return p;
            });

    Promotion promoted = awaitPhase("risky", PromotionPhase.Promoted);
    assertThat(condition(promoted, "Ready")).isEqualTo("True/PromotedAfterApproval");
    // The approval passed through its own phase, announced exactly once.
    await().untilAsserted(() -> assertThat(events("risky")).contains("ApprovedByOwners"));
    awaitNotice(fixture.slack, slackBefore, "Promotion approved");
    assertThat(fixture.slack.stream().filter(m -> m.contains("Promotion approved")).count())
        .isEqualTo(1);
    assertThat(condition(promoted, "Approved")).isEqualTo("True/ApprovedByOwners");
    assertThat(fixture.stagingClient.latest(subject).orElseThrow().version()).isEqualTo(2);
    JsonNode pdResolve = awaitPagerDuty("resolve", "risky");
    assertThat(pdResolve.get("dedup_key").asText()).isEqualTo(pdTrigger.get("dedup_key").asText());
  }

  @Test
  void shouldKeepTheSchemaIdWhenTheTargetSubjectIsInImportMode() throws Exception {
    dataSchema(schema("orders-v1.avsc"), Compatibility.BACKWARD);
    DataSchema registered = awaitDevVersion(1);
    putMode(fixture.staging.url(), subject, "IMPORT");

    promote("import", 1, "dev", "staging");

    Promotion done = awaitPhase("import", PromotionPhase.Promoted);
    assertThat(done.getStatus().getTargetSchemaId())
        .isEqualTo(registered.getStatus().getSchemaId());
  }

  @Test
  void shouldFailAndNotifyWhenTheTargetRegistryIsUnreachable() {
    dataSchema(schema("orders-v1.avsc"), Compatibility.BACKWARD);
    awaitDevVersion(1);
    int before = fixture.slack.size();

    promote("unreachable", 1, "dev", "broken");

    Promotion failed = awaitPhase("unreachable", PromotionPhase.Failed);
    assertThat(condition(failed, "Ready")).isEqualTo("False/RegistryUnreachable");
    assertThat(failed.getStatus().getConditions().getFirst().message())
        .contains("broken's registry");
    assertThat(awaitNotice(fixture.slack, before, "Promotion failed").toString())
        .contains("broken");
  }

  @Test
  void shouldWakeAWaitingPromotionWhenItsDataSchemaAppearsRatherThanOnTheRetryTimer() {
    promote("early", 1, "dev", "staging");
    Promotion waiting = awaitPhase("early", PromotionPhase.Pending);
    assertThat(condition(waiting, "Ready")).isEqualTo("False/DataSchemaNotFound");

    dataSchema(schema("orders-v1.avsc"), Compatibility.BACKWARD);

    // The retry timer is LineageOperatorFixture.PROMOTION_RETRY (10 minutes): only the
    // DataSchema watch can move the Promotion on within the wait.
    Promotion done = awaitPhase("early", PromotionPhase.Promoted);
    assertThat(condition(done, "Ready")).isEqualTo("True/Promoted");
    assertThat(done.getStatus().getTargetVersion()).isEqualTo(1);
  }

  @Test
  void shouldLeaveAPromotionPromotedWhenAPassRunsOnAStaleCachedCopy() throws Exception {
    dataSchema(schema("orders-v1.avsc"), Compatibility.BACKWARD);
    awaitDevVersion(1);
    promote("stale", 1, "dev", "staging");
    Promotion done = awaitPhase("stale", PromotionPhase.Promoted);

    // What a pass queued by a DataSchema event sees when the cache lags our own status write.
    Promotion stale = Serialization.clone(done);
    stale.setStatus(null);
    try (Notifier silent = new Notifier(NotificationSettings.none());
        PromotionReconciler reconciler =
            new PromotionReconciler(
                client,
                fixture.base.registry.lineage(),
                fixture.lineageSettings,
                fixture.promotionSettings,
                silent,
                fixture.base.events(),
                false,
                Clock.systemUTC())) {
      assertThat(reconciler.reconcile(stale, null).isNoUpdate()).isTrue();
    }
    Promotion after = client.resource(done).get();
    assertThat(condition(after, "Ready")).isEqualTo("True/Promoted");
  }

  @Test
  void shouldFailAPromotionToAnUnknownEnvironment() {
    dataSchema(schema("orders-v1.avsc"), Compatibility.BACKWARD);

    promote("nowhere", 1, "dev", "qa");

    Promotion failed = awaitPhase("nowhere", PromotionPhase.Failed);
    assertThat(
            failed.getStatus().getConditions().stream()
                .filter(c -> c.type().equals("Ready"))
                .findFirst()
                .orElseThrow()
                .message())
        .contains("'qa' is not configured", "dev", "staging");
  }

  private static String schema(String file) {
    return resource("/dev/schemagate/operator/promotion/" + file);
  }

  private String topic() {
    return subject.substring(0, subject.length() - "-value".length());
  }

  private void dataSchema(String text, Compatibility compatibility) {
    DataSchema ds = avroSchema(namespace, "orders", subject, text);
    ds.getSpec().setCompatibility(compatibility);
    client.resource(ds).create();
  }

  private void editSchema(String text) {
    client
        .resources(DataSchema.class)
        .inNamespace(namespace)
        .withName("orders")
        .edit(
            ds -> {
              ds.getSpec().setSchema(text);
              return ds;
            });
  }

  private DataSchema awaitDevVersion(int version) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.resources(DataSchema.class).inNamespace(namespace).withName("orders").get(),
            ds ->
                ds.getStatus() != null
                    && Integer.valueOf(version).equals(ds.getStatus().getVersion()));
  }

  private void contract(Consumer consumer) {
    DataContract dc = new DataContract();
    dc.setMetadata(
        new ObjectMetaBuilder().withName("orders-contract").withNamespace(namespace).build());
    DataContractSpec spec = new DataContractSpec();
    spec.setSchemaRef("orders");
    spec.setOwner(new Owner("checkout", null, null));
    spec.setConsumers(List.of(consumer));
    dc.setSpec(spec);
    client.resource(dc).create();
  }

  private void awaitContractReady() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                    .resources(DataContract.class)
                    .inNamespace(namespace)
                    .withName("orders-contract")
                    .get(),
            dc ->
                dc.getStatus() != null
                    && dc.getStatus().condition("Ready").map(c -> c.isTrue()).orElse(false));
  }

  private void promote(String name, int version, String from, String to) {
    Promotion p = new Promotion();
    p.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    PromotionSpec spec = new PromotionSpec();
    spec.setSchemaRef("orders");
    spec.setVersion(version);
    spec.setFrom(from);
    spec.setTo(to);
    p.setSpec(spec);
    client.resource(p).create();
  }

  private Promotion awaitPhase(String name, PromotionPhase phase) {
    Predicate<Promotion> reached =
        p ->
            p != null
                && p.getStatus() != null
                && p.getStatus().getPhase() == phase
                && p.getMetadata().getGeneration().equals(p.getStatus().getObservedGeneration());
    try {
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> client.resources(Promotion.class).inNamespace(namespace).withName(name).get(),
              reached);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      Promotion last =
          client.resources(Promotion.class).inNamespace(namespace).withName(name).get();
      throw new AssertionError(
          "timed out waiting for "
              + phase
              + "; last status: "
              + (last == null ? "(gone)" : Serialization.asJson(last.getStatus())),
          e);
    }
  }

  private static String condition(Promotion p, String type) {
    return p.getStatus().getConditions().stream()
        .filter(c -> c.type().equals(type))
        .map(c -> c.status() + "/" + c.reason())
        .findFirst()
        .orElse("(none)");
  }

  private List<String> events(String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .map(io.fabric8.kubernetes.api.model.Event::getReason)
        .toList();
  }

  private JsonNode awaitNotice(java.util.Queue<String> bodies, int skip, String text) {
    String body =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    bodies.stream()
                        .skip(skip)
                        .filter(b -> b.contains(text) && b.contains(namespace))
                        .findFirst()
                        .orElse(null),
                b -> b != null);
    try {
      return JSON.readTree(body); // the rendered template is valid JSON
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private JsonNode awaitPagerDuty(String action, String promotion) {
    String key = "schemagate/promotion/" + namespace + "/" + promotion;
    String body =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    fixture.pagerDuty.stream()
                        .filter(
                            b ->
                                b.contains("\"event_action\": \"" + action + "\"")
                                    && b.contains(key))
                        .findFirst()
                        .orElse(null),
                b -> b != null);
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private static void putMode(String registry, String subject, String mode) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(registry + "/mode/" + subject))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
