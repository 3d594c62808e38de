package dev.schemagate.operator.dataschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.crds.v1alpha1.BreakingChange;
import dev.schemagate.crds.v1alpha1.Compatibility;
import dev.schemagate.crds.v1alpha1.Condition;
import dev.schemagate.crds.v1alpha1.ConfigMapKeyRef;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.DataSchemaSpec;
import dev.schemagate.crds.v1alpha1.DeletionPolicy;
import dev.schemagate.crds.v1alpha1.SchemaFormatType;
import dev.schemagate.crds.v1alpha1.SchemaSource;
import dev.schemagate.operator.OperatorFixture;
import dev.schemagate.operator.events.EventRecorder;
import dev.schemagate.registry.client.SchemaSubmission;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DataSchema reconciler end to end: the fabric8 mock API server in CRUD mode with the generated
 * CRDs, the real registry server on embedded PostgreSQL, and the operator between them.
 */
@EnableKubernetesMockClient(crud = true)
class DataSchemaReconcilerTest {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  static KubernetesClient client;
  static KubernetesMockServer server;
  static OperatorFixture fixture;

  private String namespace;
  private String subject;

  @BeforeAll
  static void startEverything() throws IOException {
    fixture =
        OperatorFixture.start(
            client,
            s -> s.withResync(Duration.ofSeconds(2)).withDeletionTimeout(Duration.ofSeconds(3)));
  }

  @AfterAll
  static void stopEverything() throws IOException {
    fixture.close();
  }

  @BeforeEach
  void freshNames() {
    int n = SEQUENCE.incrementAndGet();
    namespace = "team-" + n;
    subject = "orders-" + n + "-value";
  }

  @Test
  void shouldRegisterANewSchemaAndReportReady() throws Exception {
    create(avro("orders", fixture("order-v1.avsc")));

    DataSchema ready = awaitReady("orders");
    assertThat(ready.getStatus().getSubject()).isEqualTo(subject);
    assertThat(ready.getStatus().getVersion()).isEqualTo(1);
    assertThat(ready.getStatus().getSchemaId()).isPositive();
    assertThat(ready.getStatus().getFingerprint()).matches("sha256:[0-9a-f]{64}");
    assertThat(ready.getStatus().getObservedGeneration())
        .isEqualTo(ready.getMetadata().getGeneration());
    assertThat(reason(ready, "Ready")).isEqualTo("Registered");
    assertThat(condition(ready, "Compatible").isTrue()).isTrue();
    assertThat(condition(ready, "Synced").isTrue()).isTrue();
    assertThat(fixture.registry.versions(subject)).containsExactly(1);
    assertThat(fixture.registry.compatibility(subject).name()).isEqualTo("BACKWARD");
    await().untilAsserted(() -> assertThat(eventReasons()).contains("Registered"));
  }

  @Test
  void shouldRegisterACompatibleUpdateAsTheNextVersion() throws Exception {
    create(avro("orders", fixture("order-v1.avsc")));
    awaitReady("orders");

    editSchema("orders", fixture("order-v2.avsc"));

    DataSchema ready = awaitStatus("orders", ds -> ds.getStatus().getVersion() == 2 && isReady(ds));
    assertThat(fixture.registry.versions(subject)).containsExactly(1, 2);
    assertThat(ready.getStatus().getBreakingChanges()).isEmpty();
  }

  @Test
  void shouldRefuseABreakingUpdateAndListEveryChangeWithItsPath() throws Exception {
    create(avro("orders", fixture("order-v1.avsc")));
    awaitReady("orders");

    editSchema("orders", fixture("order-v3-breaking.avsc"));

    DataSchema refused =
        awaitStatus("orders", ds -> "IncompatibleChange".equals(reason(ds, "Ready")));
    assertThat(condition(refused, "Ready").status()).isEqualTo("False");
    assertThat(condition(refused, "Compatible").status()).isEqualTo("False");
    assertThat(condition(refused, "Synced").status()).isEqualTo("False");
    assertThat(refused.getStatus().getVersion()).isEqualTo(1);
    assertThat(refused.getStatus().getBreakingChanges())
        .extracting(BreakingChange::path, BreakingChange::kind)
        .containsExactlyInAnyOrder(
            tuple("/fields/orderId/type", "TYPE_CHANGED"),
            tuple("/fields/warehouseId", "FIELD_ADDED"));
    assertThat(refused.getStatus().getBreakingChanges())
        .allSatisfy(change -> assertThat(change.suggestedFix()).isNotBlank());
    assertThat(condition(refused, "Ready").message()).contains("status.breakingChanges");
    assertThat(fixture.registry.versions(subject)).containsExactly(1);
    await().untilAsserted(() -> assertThat(eventReasons()).contains("IncompatibleChange"));
  }

  @Test
  void shouldRegisterNothingWhenIdenticalContentIsReappliedInAnotherLayout() throws Exception {
    create(avro("orders", fixture("order-v2.avsc")));
    DataSchema first = awaitReady("orders");

    editSchema("orders", fixture("order-v2-reformatted.avsc"));

    DataSchema again = awaitStatus("orders", ds -> observedCurrentGeneration(ds) && isReady(ds));
    assertThat(again.getMetadata().getGeneration())
        .isGreaterThan(first.getMetadata().getGeneration());
    assertThat(again.getStatus().getVersion()).isEqualTo(1);
    assertThat(again.getStatus().getSchemaId()).isEqualTo(first.getStatus().getSchemaId());
    assertThat(again.getStatus().getFingerprint()).isEqualTo(first.getStatus().getFingerprint());
    assertThat(fixture.registry.versions(subject)).containsExactly(1);
  }

  @Test
  void shouldReadTheSchemaFromAConfigMapAndReconcileWhenTheConfigMapChanges() throws Exception {
    putConfigMap("user-schema", fixture("user-v1.json"));
    DataSchema resource = resource("users", SchemaFormatType.JSON, null);
    resource
        .getSpec()
        .setSchemaFrom(new SchemaSource(new ConfigMapKeyRef("user-schema", "schema.json")));
    // What is tested here is the source, not the JSON Schema rules (SampleSchemasTest has those).
    resource.getSpec().setCompatibility(Compatibility.NONE);
    create(resource);
    assertThat(awaitReady("users").getStatus().getVersion()).isEqualTo(1);

    putConfigMap("user-schema", fixture("user-v2.json"));

    awaitStatus("users", ds -> ds.getStatus().getVersion() == 2 && isReady(ds));
    assertThat(fixture.registry.versions(subject)).containsExactly(1, 2);
    assertThat(fixture.registry.latest(subject).orElseThrow().format())
        .isEqualTo(SchemaFormat.JSON);
  }

  @Test
  void shouldSayWhichConfigMapIsMissing() {
    DataSchema resource = resource("users", SchemaFormatType.JSON, null);
    resource
        .getSpec()
        .setSchemaFrom(new SchemaSource(new ConfigMapKeyRef("nowhere", "schema.json")));
    create(resource);

    DataSchema failed = awaitStatus("users", ds -> "ConfigMapNotFound".equals(reason(ds, "Ready")));
    assertThat(condition(failed, "Ready").message()).contains("nowhere").contains(namespace);
  }

  @Test
  void shouldReportAnInvalidSchemaWithTheParsersMessage() throws Exception {
    create(avro("orders", fixture("order-invalid.avsc")));

    DataSchema failed = awaitStatus("orders", ds -> "InvalidSchema".equals(reason(ds, "Ready")));
    assertThat(condition(failed, "Ready").message()).contains("AVRO").contains("strin");
    assertThat(fixture.registry.versions(subject)).isEmpty();
  }

  @Test
  void shouldAdoptASubjectThatAlreadyHoldsTheSchema() throws Exception {
    int id =
        fixture.registry.register(
            subject, SchemaSubmission.of(SchemaFormat.AVRO, fixture("order-v1.avsc")), false);

    create(avro("orders", fixture("order-v1.avsc")));

    DataSchema adopted = awaitReady("orders");
    assertThat(reason(adopted, "Ready")).isEqualTo("Adopted");
    assertThat(adopted.getStatus().getSchemaId()).isEqualTo(id);
    assertThat(fixture.registry.versions(subject)).containsExactly(1);
  }

  @Test
  void shouldBecomeReadyWhenTheApiServerRefusesItsEvents() throws Exception {
    double refusedBefore =
        fixture.meters.counter(EventRecorder.DROPPED, "cause", "api-error").count();
    server
        .expect()
        .post()
        .withPath("/api/v1/namespaces/" + namespace + "/events")
        .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\"}")
        .always();

    create(avro("orders", fixture("order-v1.avsc")));

    DataSchema ready = awaitReady("orders");
    assertThat(reason(ready, "Ready")).isEqualTo("Registered");
    await()
        .until(
            () -> fixture.meters.counter(EventRecorder.DROPPED, "cause", "api-error").count(),
            n -> n > refusedBefore);
    assertThat(eventReasons()).isEmpty();
  }

  @Test
  void shouldReportDriftWhenAVersionIsRegisteredOutOfBandAndKeepReportingIt() throws Exception {
    create(avro("orders", fixture("order-v1.avsc")));
    awaitReady("orders");

    fixture.registry.register(
        subject, SchemaSubmission.of(SchemaFormat.AVRO, fixture("order-v2.avsc")), false);

    DataSchema drifted = awaitStatus("orders", ds -> "DriftDetected".equals(reason(ds, "Synced")));
    assertThat(condition(drifted, "Synced").status()).isEqualTo("False");
    assertThat(condition(drifted, "Ready").status()).isEqualTo("False");
    assertThat(condition(drifted, "Synced").message()).contains("version 2").contains("version 1");
    // Re-reported on every periodic resync (2 s here): the same event, its count bumped each time.
    await().atMost(Duration.ofSeconds(20)).until(() -> occurrences("DriftDetected") >= 2);
    assertThat(count(eventReasons(), "DriftDetected")).isEqualTo(1);
  }

  @Test
  void shouldLeaveTheRegistryAloneForAnUnmanagedResource() throws Exception {
    DataSchema resource = avro("orders", fixture("order-v1.avsc"));
    resource.getMetadata().setAnnotations(Map.of(Annotations.MANAGED, "false"));
    create(resource);

    DataSchema unmanaged = awaitStatus("orders", ds -> "Unmanaged".equals(reason(ds, "Ready")));
    assertThat(condition(unmanaged, "Ready").isTrue()).isTrue();
    assertThat(fixture.registry.versions(subject)).isEmpty();

    delete("orders");
    await().until(() -> get("orders") == null);
    assertThat(fixture.registry.versions(subject)).isEmpty();
  }

  @Test
  void shouldNotTouchTheRegistryWhilePausedAndCatchUpWhenResumed() throws Exception {
    DataSchema resource = avro("orders", fixture("order-v1.avsc"));
    resource.getMetadata().setAnnotations(Map.of(Annotations.PAUSED, "true"));
    create(resource);

    awaitStatus("orders", ds -> "ReconciliationPaused".equals(reason(ds, "Synced")));
    assertThat(fixture.registry.versions(subject)).isEmpty();

    client
        .resources(DataSchema.class)
        .inNamespace(namespace)
        .withName("orders")
        .edit(
            ds -> {
              ds.getMetadata().setAnnotations(Map.of(Annotations.PAUSED, "false"));
              return ds;
            });

    awaitReady("orders");
    assertThat(fixture.registry.versions(subject)).containsExactly(1);
  }

  @Test
  void shouldLetTheOldestResourceOwnASubjectAndFlagTheOther() throws Exception {
    create(avro("first", fixture("order-v1.avsc")));
    awaitReady("first");
    create(avro("second", fixture("order-v2.avsc")));

    DataSchema loser = awaitStatus("second", ds -> "ResourceConflict".equals(reason(ds, "Ready")));
    assertThat(condition(loser, "Ready").message()).contains(namespace + "/first");
    assertThat(fixture.registry.versions(subject)).containsExactly(1);
    assertThat(isReady(get("first"))).isTrue();

    delete("first");

    // Once the owner is gone, the subject passes to the next claimant.
    DataSchema successor = awaitStatus("second", ds -> isReady(ds));
    assertThat(successor.getStatus().getVersion()).isEqualTo(2);
    assertThat(fixture.registry.versions(subject)).containsExactly(1, 2);
  }

  @Test
  void shouldKeepTheSubjectWhenARetainResourceIsDeleted() throws Exception {
    create(avro("orders", fixture("order-v1.avsc")));
    awaitReady("orders");
    // Nothing to clean up on deletion, so nothing holds it: one API write fewer.
    assertThat(get("orders").getMetadata().getFinalizers()).isEmpty();

    delete("orders");

    await().until(() -> get("orders") == null);
    assertThat(fixture.registry.versions(subject)).containsExactly(1);
  }

  @Test
  void shouldHoldAFinalizerOnlyWhileDeletingTheResourceMustDeleteItsSubject() throws Exception {
    DataSchema resource = avro("orders", fixture("order-v1.avsc"));
    // As an older operator left it: JOSDK put its finalizer on every resource.
    resource.getMetadata().setFinalizers(List.of(DataSchemaReconciler.FINALIZER));
    create(resource);
    awaitReady("orders");
    await().until(() -> get("orders").getMetadata().getFinalizers().isEmpty());

    setDeletionPolicy("orders", DeletionPolicy.Delete);
    await()
        .until(
            () -> get("orders").getMetadata().getFinalizers(),
            f -> f.equals(List.of(DataSchemaReconciler.FINALIZER)));

    setDeletionPolicy("orders", DeletionPolicy.Retain);
    await().until(() -> get("orders").getMetadata().getFinalizers().isEmpty());
    assertThat(fixture.registry.versions(subject)).containsExactly(1);
  }

  @Test
  void shouldLeaveAResourceHeldByAnotherFinalizerAlone() throws Exception {
    DataSchema resource = avro("orders", fixture("order-v1.avsc"));
    resource.getMetadata().setFinalizers(List.of("example.com/keep"));
    create(resource);
    awaitReady("orders");

    delete("orders");

    // Marked for deletion, held by someone else's finalizer: no status churn, no registry change.
    await().until(() -> get("orders").isMarkedForDeletion());
    assertThat(get("orders").getMetadata().getFinalizers()).containsExactly("example.com/keep");
    assertThat(fixture.registry.versions(subject)).containsExactly(1);
    client
        .resources(DataSchema.class)
        .inNamespace(namespace)
        .withName("orders")
        .edit(
            ds -> {
              ds.getMetadata().setFinalizers(List.of());
              return ds;
            });
    await().until(() -> get("orders") == null);
  }

  @Test
  void shouldSoftDeleteTheSubjectWhenADeleteResourceIsDeleted() throws Exception {
    DataSchema resource = avro("orders", fixture("order-v1.avsc"));
    resource.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    create(resource);
    awaitReady("orders");

    delete("orders");

    await().until(() -> get("orders") == null);
    assertThat(fixture.registry.versions(subject)).isEmpty();
    await().untilAsserted(() -> assertThat(eventReasons()).contains("SubjectDeleted"));
  }

  @Test
  void shouldReportTheRegistryUnreachableAndRecoverWhenItReturns() throws Exception {
    fixture.gate.shut();
    try {
      create(avro("orders", fixture("order-v1.avsc")));
      DataSchema waiting =
          awaitStatus("orders", ds -> "RegistryUnreachable".equals(reason(ds, "Ready")));
      assertThat(condition(waiting, "Ready").message())
          .contains(fixture.gate.url())
          .contains("retrying");
      assertThat(condition(waiting, "Synced").status()).isEqualTo("Unknown");
    } finally {
      fixture.gate.open();
    }
    DataSchema ready = awaitReady("orders");
    assertThat(reason(ready, "Ready")).isEqualTo("Registered");
    assertThat(fixture.registry.versions(subject)).containsExactly(1);
  }

  @Test
  void shouldNotBlockDeletionForeverWhenTheRegistryIsGone() throws Exception {
    DataSchema resource = avro("orders", fixture("order-v1.avsc"));
    resource.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    create(resource);
    awaitReady("orders");
    assertThat(get("orders").getMetadata().getFinalizers())
        .containsExactly(DataSchemaReconciler.FINALIZER);
    fixture.gate.shut();
    try {
      delete("orders");
      // The deletion timeout is 3 s in this suite: the finalizer goes, an event says why.
      await().atMost(Duration.ofSeconds(30)).until(() -> get("orders") == null);
      await().untilAsserted(() -> assertThat(eventReasons()).contains("DeletionAbandoned"));
    } finally {
      fixture.gate.open();
    }
    assertThat(fixture.registry.versions(subject)).containsExactly(1);
  }

  // --- helpers -------------------------------------------------------------------------------

  private DataSchema avro(String name, String schema) {
    return resource(name, SchemaFormatType.AVRO, schema);
  }

  private DataSchema resource(String name, SchemaFormatType format, String schema) {
    DataSchema resource = new DataSchema();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    DataSchemaSpec spec = new DataSchemaSpec();
    spec.setSubject(subject);
    spec.setFormat(format);
    spec.setSchema(schema);
    resource.setSpec(spec);
    return resource;
  }

  private void create(DataSchema resource) {
    client.resource(resource).create();
  }

  private void delete(String name) {
    client.resources(DataSchema.class).inNamespace(namespace).withName(name).delete();
  }

  private void setDeletionPolicy(String name, DeletionPolicy policy) {
    client
        .resources(DataSchema.class)
        .inNamespace(namespace)
        .withName(name)
        .edit(
            ds -> {
              ds.getSpec().setDeletionPolicy(policy);
              return ds;
            });
  }

  private void editSchema(String name, String schema) {
    client
        .resources(DataSchema.class)
        .inNamespace(namespace)
        .withName(name)
        .edit(
            ds -> {
              ds.getSpec().setSchema(schema);
              return ds;
            });
  }

  private void putConfigMap(String name, String text) {
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withData(Map.of("schema.json", text))
                .build())
        .createOr(existing -> existing.update());
  }

  private DataSchema get(String name) {
    return client.resources(DataSchema.class).inNamespace(namespace).withName(name).get();
  }

  private DataSchema awaitReady(String name) {
    return awaitStatus(name, ds -> observedCurrentGeneration(ds) && isReady(ds));
  }

  private DataSchema awaitStatus(String name, Predicate<DataSchema> condition) {
    try {
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> get(name), ds -> ds != null && ds.getStatus() != null && condition.test(ds));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      DataSchema last = get(name);
      throw new AssertionError(
          "timed out; last status: "
              + (last == null ? "(gone)" : Serialization.asJson(last.getStatus())),
          e);
    }
  }

  private java.util.List<String> eventReasons() {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .map(io.fabric8.kubernetes.api.model.Event::getReason)
        .toList();
  }

  /** Occurrences of an event: a repeat bumps the count of the one event object. */
  private int occurrences(String reason) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .mapToInt(e -> e.getCount() == null ? 1 : e.getCount())
        .sum();
  }

  private static long count(java.util.List<String> values, String value) {
    return values.stream().filter(value::equals).count();
  }

  private static boolean isReady(DataSchema ds) {
    return ds.getStatus().condition("Ready").map(Condition::isTrue).orElse(false);
  }

  private static boolean observedCurrentGeneration(DataSchema ds) {
    return ds.getMetadata().getGeneration().equals(ds.getStatus().getObservedGeneration());
  }

  private static Condition condition(DataSchema ds, String type) {
    return ds.getStatus()
        .condition(type)
        .orElseThrow(() -> new AssertionError("no " + type + " condition"));
  }

  private static String reason(DataSchema ds, String type) {
    return ds.getStatus().condition(type).map(Condition::reason).orElse("");
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = DataSchemaReconcilerTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
