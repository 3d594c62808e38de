package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Admission for real: the API server itself calls the webhook jar over TLS, through the committed
 * ValidatingWebhookConfiguration (rules, failure policy, timeouts as shipped), pointed at 127.0.0.1
 * with its CA bundle instead of the in-cluster Service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdmissionWebhooksIT {
  private static final String NS = "e2e-admission";
  private static final String SUBJECT = "checkout-orders";
  private static final String V1 =
      """
      {"type":"record","name":"Order","namespace":"com.acme","fields":[\
      {"name":"orderId","type":"string"},{"name":"amount","type":"long"},\
      {"name":"currency","type":"string"}]}""";

  private static Kubectl kubectl;
  private static KubernetesClient client;
  private static Registry registry;
  private static WebhookProcess webhook;
  private static WebhookRegistration registration;

  @BeforeAll
  static void installWebhook() throws Exception {
    RealApiServer cluster = RealApiServer.get();
    cluster.ensureCrdsInstalled();
    kubectl = cluster.kubectl();
    client = cluster.adminClient();
    assertThat(kubectl.ensureNamespace(NS).ok()).isTrue();
    kubectl.run("create", "namespace", "schemagate");
    Kubectl.Result rbac =
        kubectl.run("apply", "-f", Repo.root().resolve("webhooks/manifests/rbac.yaml").toString());
    assertThat(rbac.ok()).as(rbac.output()).isTrue();

    registry = new Registry();
    try (SchemaRegistryClient registryClient = registry.client()) {
      registryClient.register(SUBJECT, SchemaSubmission.of(SchemaFormat.AVRO, V1), false);
    }

    Path tlsDir = Files.createTempDirectory("schemagate-e2e-tls-");
    SelfSignedTls tls = SelfSignedTls.forLoopback(tlsDir);
    webhook = WebhookProcess.start(tls, cluster.kubeconfig(), registry.url(), Map.of());
    registration = WebhookRegistration.install(client, webhook, tls);
  }

  @AfterAll
  static void uninstallWebhook() {
    if (registration != null) {
      registration.close();
    }
    if (webhook != null) {
      webhook.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (client != null) {
      client.close();
    }
  }

  private static String orders(String name, String schema) {
    return """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataSchema
        metadata: {name: %s, namespace: %s}
        spec:
          subject: %s
          format: AVRO
          owner: {team: checkout}
          schema: '%s'
        """
        .formatted(name, NS, SUBJECT, schema);
  }

  private static final String BREAKING =
      """
      {"type":"record","name":"Order","namespace":"com.acme","fields":[\
      {"name":"orderId","type":"string"},{"name":"amount","type":"long"},\
      {"name":"currency","type":"string"},{"name":"channel","type":"string"}]}""";

  private static final String COMPATIBLE =
      """
      {"type":"record","name":"Order","namespace":"com.acme","fields":[\
      {"name":"orderId","type":"string"},{"name":"amount","type":"long"},\
      {"name":"currency","type":"string"},\
      {"name":"channel","type":["null","string"],"default":null}]}""";

  @Test
  @Order(1)
  void shouldHaveTheApiServerDenyABreakingChangeWithEveryPathAndItsFix() {
    Kubectl.Result result = kubectl.apply(orders("checkout-orders", BREAKING));

    assertThat(result.ok()).isFalse();
    assertThat(result.output())
        .contains("admission webhook \"dataschemas.schemagate.dev\" denied the request")
        .contains("channel")
        .containsIgnoringCase("default");
    assertThat(
            client
                .genericKubernetesResources("schemagate.dev/v1alpha1", "DataSchema")
                .inNamespace(NS)
                .withName("checkout-orders")
                .get())
        .isNull();
  }

  @Test
  @Order(2)
  void shouldAnswerAServerSideDryRunExactlyAsARealApplyWithoutCreatingAnything() {
    Kubectl.Result denied = kubectl.apply(orders("checkout-orders", BREAKING), "--dry-run=server");
    assertThat(denied.ok()).isFalse();
    assertThat(denied.output()).contains("denied the request").contains("channel");

    Kubectl.Result admitted =
        kubectl.apply(orders("checkout-orders", COMPATIBLE), "--dry-run=server");
    assertThat(admitted.ok()).as(admitted.output()).isTrue();
    assertThat(admitted.stdout()).contains("(server dry run)");
    assertThat(
            client
                .genericKubernetesResources("schemagate.dev/v1alpha1", "DataSchema")
                .inNamespace(NS)
                .withName("checkout-orders")
                .get())
        .isNull();
  }

  @Test
  @Order(3)
  void shouldAdmitACompatibleChange() {
    Kubectl.Result result = kubectl.apply(orders("checkout-orders", COMPATIBLE));
    assertThat(result.ok()).as(result.output()).isTrue();
    assertThat(result.stdout()).contains("created");
  }

  @Test
  @Order(4)
  void shouldDenyAContractWhoseRulesNameAFieldTheSchemaLacks() {
    Kubectl.Result result =
        kubectl.apply(
            """
            apiVersion: schemagate.dev/v1alpha1
            kind: DataContract
            metadata: {name: checkout-orders-contract, namespace: %s}
            spec:
              schemaRef: checkout-orders
              owner: {team: checkout, contact: "#checkout"}
              quality:
                - {field: discount, rule: not_null, severity: error}
            """
                .formatted(NS));
    assertThat(result.ok()).isFalse();
    assertThat(result.output())
        .contains("admission webhook \"datacontracts.schemagate.dev\" denied the request")
        .contains("discount");
  }

  @Test
  @Order(5)
  void shouldFailClosedWithAClearReasonWhenTheRegistryIsDown() {
    registry.stop();
    try {
      Kubectl.Result result = kubectl.apply(orders("checkout-orders-2", COMPATIBLE));
      assertThat(result.ok()).isFalse();
      assertThat(result.output()).contains("denied the request").containsIgnoringCase("registry");
    } finally {
      registry.start();
    }
  }

  @Test
  @Order(6)
  void shouldRefuseEverythingWhenTheWebhookItselfIsDownBecauseTheFailurePolicyIsFail() {
    webhook.close();
    Kubectl.Result result = kubectl.apply(orders("checkout-orders-3", COMPATIBLE));
    assertThat(result.ok()).isFalse();
    assertThat(result.output()).contains("failed calling webhook");
  }
}
