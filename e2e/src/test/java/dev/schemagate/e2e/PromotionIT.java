package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.crds.v1alpha1.PromotionPhase;
import dev.schemagate.crds.v1alpha1.Severity;
import dev.schemagate.registry.client.SchemaRegistryClient;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Promotions between two real registries (dev, staging), graded by lineage from a DataContract,
 * reconciled by the operator jar as its ServiceAccount on a real API server.
 */
class PromotionIT {
  private static final String NS = "e2e-promotion";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String V1 =
      """
      {"type":"record","name":"Invoice","namespace":"com.acme","fields":[\
      {"name":"invoiceId","type":"string"},{"name":"amount","type":"long"}]}""";
  private static final String V2_WITHOUT_AMOUNT =
      """
      {"type":"record","name":"Invoice","namespace":"com.acme","fields":[\
      {"name":"invoiceId","type":"string"}]}""";

  private static Kubectl kubectl;
  private static KubernetesClient client;
  private static Registry dev;
  private static Registry staging;
  private static SchemaRegistryClient stagingClient;
  private static JarProcess operator;

  @BeforeAll
  static void start() {
    RealApiServer cluster = RealApiServer.get();
    cluster.ensureCrdsInstalled();
    kubectl = cluster.kubectl();
    client = cluster.adminClient();
    kubectl.run("create", "namespace", "schemagate");
    for (String manifest :
        new String[] {"serviceaccount.yaml", "clusterrole.yaml", "leader-election-role.yaml"}) {
      Kubectl.Result applied =
          kubectl.run(
              "apply", "-f", Repo.root().resolve("operator/manifests/" + manifest).toString());
      assertThat(applied.ok()).as(applied.output()).isTrue();
    }
    assertThat(kubectl.ensureNamespace(NS).ok()).isTrue();
    dev = new Registry();
    staging = new Registry();
    stagingClient = staging.client();
    operator =
        OperatorProcess.start(
            cluster.kubeconfig(),
            dev.url(),
            Map.of(
                "SCHEMAGATE_ENVIRONMENTS",
                "dev=" + dev.url() + ",staging=" + staging.url(),
                "SCHEMAGATE_WATCH_NAMESPACES",
                NS,
                "SCHEMAGATE_LEASE_NAMESPACE",
                "schemagate",
                // Another operator instance (OperatorIT's) may still hold the default lease.
                "SCHEMAGATE_LEADER_ELECTION",
                "false"));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable resource :
        new AutoCloseable[] {operator, stagingClient, staging, dev, client}) {
      if (resource != null) {
        try {
          resource.close();
        } catch (Exception ignored) {
          // best effort: the next class starts its own
        }
      }
    }
  }

  private static void apply(String yaml) {
    Kubectl.Result result = kubectl.apply(yaml);
    assertThat(result.ok()).as(result.output()).isTrue();
  }

  private static <T extends HasMetadata> T awaitResource(
      Class<T> type, String name, Predicate<T> done) {
    return await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> client.resources(type).inNamespace(NS).withName(name).get(),
            resource -> {
              if (!operator.isAlive()) {
                throw new AssertionError("operator died:\n" + operator.log());
              }
              return resource != null && done.test(resource);
            });
  }

  private static Promotion awaitPhase(String name, PromotionPhase phase) {
    return awaitResource(
        Promotion.class,
        name,
        p ->
            p.getStatus() != null
                && p.getStatus().getPhase() == phase
                && p.getMetadata().getGeneration().equals(p.getStatus().getObservedGeneration()));
  }

  private static void invoices(String schema) {
    apply(
        """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataSchema
        metadata: {name: invoices, namespace: %s}
        spec:
          format: AVRO
          compatibility: NONE
          owner: {team: billing}
          schema: '%s'
        """
            .formatted(NS, schema));
  }

  private static void promote(String name, int version, String approvals) {
    apply(
        """
        apiVersion: schemagate.dev/v1alpha1
        kind: Promotion
        metadata: {name: %s, namespace: %s}
        spec:
          schemaRef: invoices
          version: %d
          from: dev
          to: staging
        %s"""
            .formatted(name, NS, version, approvals.indent(2)));
  }

  @Test
  void shouldPromoteASafeChangeAndBlockACriticalOneUntilItsOwnersApprove() throws Exception {
    invoices(V1);
    awaitResource(
        DataSchema.class,
        "invoices",
        ds -> ds.getStatus() != null && Integer.valueOf(1).equals(ds.getStatus().getVersion()));
    apply(
        """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataContract
        metadata: {name: invoices, namespace: %s}
        spec:
          schemaRef: invoices
          owner: {team: billing, contact: "#billing"}
          consumers:
            - {name: cash-flow, kind: dashboard, fields: [amount], criticality: critical, owner: finance}
          enforcement: {kafkaTopic: invoices}
        """
            .formatted(NS));
    awaitResource(
        DataContract.class,
        "invoices",
        dc ->
            dc.getStatus() != null && dc.getStatus().isReadyFor(dc.getMetadata().getGeneration()));

    // The first version has nothing downstream to break in staging: promoted, same content.
    promote("invoices-v1", 1, "");
    Promotion first = awaitPhase("invoices-v1", PromotionPhase.Promoted);
    assertThat(stagingClient.versions("invoices")).containsExactly(1);
    assertThat(first.getStatus().getFingerprint()).startsWith("sha256:");

    // Dropping "amount" reaches a critical dashboard: blocked, and staging keeps version 1.
    invoices(V2_WITHOUT_AMOUNT);
    awaitResource(
        DataSchema.class,
        "invoices",
        ds -> ds.getStatus() != null && Integer.valueOf(2).equals(ds.getStatus().getVersion()));
    // Staging accepts any evolution of this subject; what guards it here is lineage, not the level.
    stagingClient.setCompatibility("invoices", CompatibilityLevel.NONE);
    promote("invoices-v2", 2, "");
    Promotion blocked = awaitPhase("invoices-v2", PromotionPhase.Blocked);
    assertThat(blocked.getStatus().getImpact().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(blocked.getStatus().getImpact().affectedAssets())
        .anySatisfy(asset -> assertThat(asset.owner()).isEqualTo("finance"));
    assertThat(stagingClient.versions("invoices")).containsExactly(1);
    // Argo CD (gitops/argocd/health): waiting for people, not failed.
    ArgoCdHealth.expect(blocked, "Suspended");

    // The owner approves: promoted.
    promote(
        "invoices-v2",
        2,
        "approvals:\n  - {team: finance, by: alice, comment: dashboard migrated}\n");
    awaitPhase("invoices-v2", PromotionPhase.Promoted);
    assertThat(stagingClient.versions("invoices")).containsExactly(1, 2);
  }
}
