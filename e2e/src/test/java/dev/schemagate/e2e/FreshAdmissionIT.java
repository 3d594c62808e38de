package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.schemagate.crds.v1alpha1.DataSchema;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a new user does on a real API server with the operator and the webhook both running: create
 * a DataSchema, wait for Ready, and at once apply a breaking change. The webhook runs with the
 * shipped history cache (5 s) and must still judge against the version the operator just registered
 * (issue 17, defect 1: it admitted the change, and the operator then refused it).
 */
class FreshAdmissionIT {
  private static final String NS = "e2e-fresh-admission";
  private static final String V1 =
      """
      {"type":"record","name":"Shipment","namespace":"com.acme","fields":[\
      {"name":"id","type":"string"},{"name":"state","type":{"type":"enum","name":"State",\
      "symbols":["NEW","SENT","LOST"]}}]}""";
  private static final String WITHOUT_LOST = V1.replace(",\"LOST\"", "");

  private static Kubectl kubectl;
  private static KubernetesClient client;
  private static Registry registry;
  private static JarProcess operator;
  private static WebhookProcess webhook;
  private static WebhookRegistration registration;

  @BeforeAll
  static void startOperatorAndWebhook() throws Exception {
    RealApiServer cluster = RealApiServer.get();
    cluster.ensureCrdsInstalled();
    kubectl = cluster.kubectl();
    client = cluster.adminClient();
    for (String manifest :
        List.of(
            "operator/manifests/namespace.yaml",
            "operator/manifests/serviceaccount.yaml",
            "operator/manifests/clusterrole.yaml",
            "operator/manifests/leader-election-role.yaml",
            "webhooks/manifests/rbac.yaml")) {
      Kubectl.Result applied = kubectl.run("apply", "-f", Repo.root().resolve(manifest).toString());
      assertThat(applied.ok()).as(applied.output()).isTrue();
    }
    assertThat(kubectl.ensureNamespace(NS).ok()).isTrue();
    registry = new Registry();
    operator = OperatorProcess.start(cluster.kubeconfig(), registry.url(), Map.of());

    Path tlsDir = Files.createTempDirectory("schemagate-e2e-tls-");
    SelfSignedTls tls = SelfSignedTls.forLoopback(tlsDir);
    webhook =
        WebhookProcess.start(
            tls,
            cluster.kubeconfig(),
            registry.url(),
            Map.of("SCHEMAGATE_WEBHOOK_CACHE_TTL", "5s")); // the shipped default
    registration = WebhookRegistration.install(client, webhook, tls);
  }

  @AfterAll
  static void stopAll() {
    if (registration != null) {
      registration.close();
    }
    for (AutoCloseable closeable : new AutoCloseable[] {webhook, operator, registry, client}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception ignored) {
          // best effort: the next class starts its own processes
        }
      }
    }
  }

  private static String shipments(String schema) {
    return """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataSchema
        metadata: {name: shipments, namespace: %s}
        spec:
          format: AVRO
          compatibility: BACKWARD_TRANSITIVE
          owner: {team: logistics}
          schema: '%s'
        """
        .formatted(NS, schema);
  }

  @Test
  void shouldDenyABreakingChangeAppliedTheMomentTheFirstVersionIsReady() {
    // The create itself may meet a cold webhook JVM on a loaded machine (the API server gives up
    // after 5 s): applying again is what a user would do, and is not what this test is about.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> kubectl.apply(shipments(V1)).ok());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> client.resources(DataSchema.class).inNamespace(NS).withName("shipments").get(),
            ds -> {
              if (!operator.isAlive()) {
                throw new AssertionError("operator died:\n" + operator.log());
              }
              return ds != null
                  && ds.getStatus() != null
                  && ds.getStatus().isReadyFor(ds.getMetadata().getGeneration());
            });

    Kubectl.Result breaking = kubectl.apply(shipments(WITHOUT_LOST));

    assertThat(breaking.ok()).as(breaking.output()).isFalse();
    assertThat(breaking.output())
        .contains("admission webhook \"dataschemas.schemagate.dev\" denied the request")
        .contains("BACKWARD_TRANSITIVE")
        .contains("LOST");
  }
}
