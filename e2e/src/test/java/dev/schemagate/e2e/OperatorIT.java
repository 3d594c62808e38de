package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.crds.v1alpha1.Condition;
import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.DataSchemaStatus;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The operator jar against a real API server and the real registry, as its ServiceAccount with
 * exactly the ClusterRole from {@code operator/manifests}. No admission webhook is installed here,
 * so breaking changes reach the operator, which must refuse them itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorIT {
  private static final String NS = "e2e-operator";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static Kubectl kubectl;
  private static KubernetesClient client;
  private static Registry registry;
  private static SchemaRegistryClient registryClient;
  private static JarProcess operator;

  @BeforeAll
  static void startOperator() {
    RealApiServer cluster = RealApiServer.get();
    cluster.ensureCrdsInstalled();
    kubectl = cluster.kubectl();
    client = cluster.adminClient();
    for (String manifest :
        List.of(
            "namespace.yaml",
            "serviceaccount.yaml",
            "clusterrole.yaml",
            "leader-election-role.yaml")) {
      Kubectl.Result applied =
          kubectl.run(
              "apply", "-f", Repo.root().resolve("operator/manifests/" + manifest).toString());
      assertThat(applied.ok()).as(applied.output()).isTrue();
    }
    assertThat(kubectl.ensureNamespace(NS).ok()).isTrue();
    registry = new Registry();
    registryClient = registry.client();
    operator =
        OperatorProcess.start(
            cluster.kubeconfig(), registry.url(), Map.of("SCHEMAGATE_RESYNC_INTERVAL", "5s"));
  }

  @AfterAll
  static void stopAll() {
    if (operator != null) {
      operator.close();
    }
    if (registryClient != null) {
      registryClient.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (client != null) {
      client.close();
    }
  }

  static String avroOrder(String extraFields) {
    return """
        {"type":"record","name":"Payment","namespace":"com.acme","fields":[
          {"name":"id","type":"string"},
          {"name":"amount","type":"long"}%s]}"""
        .formatted(extraFields)
        .replace("\n", "");
  }

  static String dataSchema(String name, String extraSpec, String schema) {
    return """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataSchema
        metadata:
          name: %s
          namespace: %s
        spec:
          format: AVRO
          owner: {team: payments}
        %s  schema: '%s'
        """
        .formatted(name, NS, extraSpec.isEmpty() ? "" : extraSpec.indent(2), schema);
  }

  private static void apply(String yaml) {
    Kubectl.Result result = kubectl.apply(yaml);
    assertThat(result.ok()).as(result.output()).isTrue();
  }

  private static DataSchema awaitSchema(String name, Predicate<DataSchema> done) {
    return await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .alias(name + " (operator log tail: see below)")
        .until(
            () -> client.resources(DataSchema.class).inNamespace(NS).withName(name).get(),
            ds -> {
              if (!operator.isAlive()) {
                throw new AssertionError("operator died:\n" + operator.log());
              }
              return ds != null && done.test(ds);
            });
  }

  private static Predicate<DataSchema> readyAtCurrentGeneration() {
    return ds ->
        ds.getStatus() != null && ds.getStatus().isReadyFor(ds.getMetadata().getGeneration());
  }

  private static Optional<Condition> condition(DataSchema ds, String type) {
    return Optional.ofNullable(ds.getStatus()).flatMap(s -> s.condition(type));
  }

  @Test
  @Order(1)
  void shouldRegisterANewDataSchemaAndReportReadyTheWayKstatusReadsIt() throws Exception {
    apply(dataSchema("payments", "", avroOrder("")));

    DataSchema ds = awaitSchema("payments", readyAtCurrentGeneration());
    DataSchemaStatus status = ds.getStatus();
    assertThat(status.getSubject()).isEqualTo("payments");
    assertThat(status.getVersion()).isEqualTo(1);
    assertThat(status.getSchemaId()).isPositive();
    assertThat(status.getFingerprint()).startsWith("sha256:");
    assertThat(status.getObservedGeneration()).isEqualTo(ds.getMetadata().getGeneration());
    assertThat(condition(ds, "Compatible")).map(Condition::status).contains("True");
    assertThat(condition(ds, "Synced")).map(Condition::status).contains("True");
    assertThat(registryClient.versions("payments")).containsExactly(1);
  }

  @Test
  @Order(2)
  void shouldRegisterACompatibleUpdateAsTheNextVersion() throws Exception {
    apply(
        dataSchema(
            "payments",
            "",
            avroOrder(",{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}")));

    DataSchema ds =
        awaitSchema(
            "payments",
            readyAtCurrentGeneration()
                .and(d -> Integer.valueOf(2).equals(d.getStatus().getVersion())));
    assertThat(ds.getStatus().getObservedGeneration()).isEqualTo(2L);
    assertThat(registryClient.versions("payments")).containsExactly(1, 2);
  }

  @Test
  @Order(3)
  void shouldChangeNothingWhenTheSameContentIsAppliedAgain() throws Exception {
    String same =
        dataSchema(
            "payments", "", avroOrder(",{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}"));
    Kubectl.Result result = kubectl.apply(same);
    assertThat(result.ok()).as(result.output()).isTrue();
    assertThat(result.stdout()).contains("unchanged");

    DataSchema ds = client.resources(DataSchema.class).inNamespace(NS).withName("payments").get();
    assertThat(ds.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(registryClient.versions("payments")).containsExactly(1, 2);
  }

  @Test
  @Order(4)
  void shouldRefuseABreakingUpdateThatBypassedAdmissionAndRegisterNothing() throws Exception {
    // Removing "amount" (no default) breaks BACKWARD readers' expectations.
    apply(
        dataSchema(
            "payments",
            "",
            """
            {"type":"record","name":"Payment","namespace":"com.acme","fields":[\
            {"name":"id","type":"string"},{"name":"note","type":"string","default":""},\
            {"name":"currency","type":"string"}]}"""));

    DataSchema ds =
        awaitSchema(
            "payments",
            d ->
                d.getStatus() != null
                    && Long.valueOf(3).equals(d.getStatus().getObservedGeneration())
                    && condition(d, "Compatible")
                        .map(c -> "False".equals(c.status()))
                        .orElse(false));
    assertThat(condition(ds, "Ready")).map(Condition::status).contains("False");
    assertThat(ds.getStatus().getBreakingChanges())
        .isNotEmpty()
        .allSatisfy(change -> assertThat(change.path()).startsWith("/"));
    assertThat(ds.getStatus().getBreakingChanges())
        .anySatisfy(change -> assertThat(change.path()).contains("currency"));
    assertThat(registryClient.versions("payments")).containsExactly(1, 2);
    // What Argo CD shows for it (gitops/argocd/health): the change must be fixed in Git.
    ArgoCdHealth.expect(ds, "Degraded");
  }

  @Test
  @Order(5)
  void shouldResolveAContractAgainstItsSchemaAndExportTheDbtModelContract() {
    apply(
        """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataContract
        metadata: {name: payments, namespace: %s}
        spec:
          schemaRef: payments
          owner: {team: payments, contact: "#payments"}
          quality:
            - {field: id, rule: not_null}
            - {field: amount, rule: range, params: {min: "0", max: "100000"}}
          consumers:
            - {name: revenue, kind: dashboard, fields: [amount], criticality: critical, owner: finance}
          enforcement: {kafkaTopic: payments, dbtModel: stg_payments}
        """
            .formatted(NS));

    DataContract contract =
        await()
            .atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    client.resources(DataContract.class).inNamespace(NS).withName("payments").get(),
                dc -> {
                  if (!operator.isAlive()) {
                    throw new AssertionError("operator died:\n" + operator.log());
                  }
                  return dc != null
                      && dc.getStatus() != null
                      && dc.getStatus().isReadyFor(dc.getMetadata().getGeneration());
                });
    assertThat(contract.getStatus().getSchemaVersion()).isEqualTo(2);
    assertThat(client.configMaps().inNamespace(NS).withName("payments-dbt").get())
        .as("the dbt model contract ConfigMap\n" + operator.log())
        .isNotNull()
        .satisfies(
            cm -> assertThat(String.join("\n", cm.getData().values())).contains("enforced: true"));
  }

  @Test
  @Order(6)
  void shouldReadTheSchemaFromAConfigMapAndFollowItsChanges() throws Exception {
    String configMap =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: refunds-schema, namespace: %s}
        data:
          schema.avsc: '%s'
        """;
    apply(configMap.formatted(NS, avroOrder("")));
    apply(
        """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataSchema
        metadata: {name: refunds, namespace: %s}
        spec:
          format: AVRO
          schemaFrom:
            configMapKeyRef: {name: refunds-schema, key: schema.avsc}
        """
            .formatted(NS));
    awaitSchema("refunds", readyAtCurrentGeneration());
    assertThat(registryClient.versions("refunds")).containsExactly(1);

    apply(
        configMap.formatted(
            NS,
            avroOrder(",{\"name\":\"reason\",\"type\":[\"null\",\"string\"],\"default\":null}")));
    awaitSchema(
        "refunds",
        readyAtCurrentGeneration().and(d -> Integer.valueOf(2).equals(d.getStatus().getVersion())));
    assertThat(registryClient.versions("refunds")).containsExactly(1, 2);
  }

  @Test
  @Order(7)
  void shouldLeaveTheRegistryAloneWhenARetainedSchemaIsDeleted() throws Exception {
    apply(
        dataSchema("retained", "", avroOrder(",{\"name\":\"r\",\"type\":\"int\",\"default\":0}")));
    DataSchema retained = awaitSchema("retained", readyAtCurrentGeneration());
    // Retain needs no clean-up, so no finalizer holds the resource (nor its namespace).
    assertThat(retained.getMetadata().getFinalizers()).isEmpty();

    assertThat(kubectl.run("delete", "dataschema", "retained", "-n", NS, "--timeout=60s").ok())
        .isTrue();
    assertThat(client.resources(DataSchema.class).inNamespace(NS).withName("retained").get())
        .isNull();
    assertThat(registryClient.versions("retained")).containsExactly(1);
  }

  @Test
  @Order(8)
  void shouldSoftDeleteTheSubjectThroughTheFinalizerWhenThePolicyIsDelete() throws Exception {
    apply(
        dataSchema(
            "doomed",
            "deletionPolicy: Delete\n",
            avroOrder(",{\"name\":\"d\",\"type\":\"int\",\"default\":0}")));
    DataSchema ds = awaitSchema("doomed", readyAtCurrentGeneration());
    assertThat(ds.getMetadata().getFinalizers()).isNotEmpty();

    Kubectl.Result deleted =
        kubectl.run("delete", "dataschema", "doomed", "-n", NS, "--timeout=60s");
    assertThat(deleted.ok()).as(deleted.output() + operator.log()).isTrue();
    assertThat(client.resources(DataSchema.class).inNamespace(NS).withName("doomed").get())
        .isNull();
    assertThat(registryClient.versions("doomed")).isEmpty();
  }

  @Test
  @Order(9)
  void shouldRegisterAgainWhenTheSubjectIsDeletedBehindItsBack() throws Exception {
    apply(
        dataSchema("restored", "", avroOrder(",{\"name\":\"x\",\"type\":\"int\",\"default\":0}")));
    awaitSchema("restored", readyAtCurrentGeneration());
    registryClient.deleteSubject("restored", false);
    registryClient.deleteSubject("restored", true);
    assertThat(registryClient.versions("restored")).isEmpty();

    // The periodic resync (5 s here) notices and registers the declared content again.
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> registryClient.versions("restored"), versions -> !versions.isEmpty());
    awaitSchema("restored", readyAtCurrentGeneration());
  }

  @Test
  @Order(10)
  void shouldSayTheRegistryIsUnreachableAndRecoverWhenItReturns() throws Exception {
    registry.stop();
    try {
      apply(
          dataSchema(
              "during-outage", "", avroOrder(",{\"name\":\"o\",\"type\":\"int\",\"default\":0}")));
      DataSchema ds =
          awaitSchema(
              "during-outage",
              d ->
                  condition(d, "Ready")
                      .map(
                          c ->
                              "False".equals(c.status())
                                  && "RegistryUnreachable".equals(c.reason()))
                      .orElse(false));
      assertThat(condition(ds, "Ready").map(Condition::message).orElse("")).contains("registry");
      ArgoCdHealth.expect(ds, "Progressing"); // retried on its own
    } finally {
      registry.start();
    }
    awaitSchema("during-outage", readyAtCurrentGeneration());
    assertThat(registryClient.versions("during-outage")).containsExactly(1);
  }

  @Test
  @Order(11)
  void shouldCountARepeatedDriftOnOneEventAsItsServiceAccount() throws Exception {
    apply(dataSchema("drifting", "", avroOrder("")));
    awaitSchema("drifting", readyAtCurrentGeneration());
    registryClient.register(
        "drifting",
        SchemaSubmission.of(
            SchemaFormat.AVRO, avroOrder(",{\"name\":\"d\",\"type\":\"int\",\"default\":0}")),
        false);

    // Re-reported on every resync (5 s here): the one event's count grows (a PATCH the
    // ClusterRole must allow), no new event objects.
    List<io.fabric8.kubernetes.api.model.Event> drift =
        await()
            .atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    client.v1().events().inNamespace(NS).list().getItems().stream()
                        .filter(e -> "drifting".equals(e.getInvolvedObject().getName()))
                        .filter(e -> "DriftDetected".equals(e.getReason()))
                        .toList(),
                events -> events.stream().anyMatch(e -> e.getCount() != null && e.getCount() >= 2));
    assertThat(drift).hasSize(1);
    assertThat(drift.getFirst().getLastTimestamp())
        .isGreaterThan(drift.getFirst().getFirstTimestamp());
  }
}
