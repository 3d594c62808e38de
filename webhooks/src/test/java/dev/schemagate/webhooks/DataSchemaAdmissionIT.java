package dev.schemagate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.webhooks.kubernetes.KubernetesClusterReader;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DataSchema admission over real HTTPS against the real registry server. */
@EnableKubernetesMockClient(crud = true)
class DataSchemaAdmissionIT {
  static KubernetesClient kubernetes;
  @TempDir static Path tls;
  private static WebhookRig rig;
  private static SchemaRegistryClient registry;

  @BeforeAll
  static void start() throws Exception {
    registry = SharedRegistry.client();
    registry.register(
        "orders-value",
        SchemaSubmission.of(SchemaFormat.AVRO, WebhookRig.text("schema-v1.avsc")),
        false);
    rig =
        new WebhookRig(
            tls,
            SharedRegistry.server().uri(),
            new KubernetesClusterReader(kubernetes, Duration.ofSeconds(2)),
            Map.of());
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void shouldAllowACompatibleNewVersion() throws Exception {
    JsonNode response = rig.review("/validate/dataschemas", "dataschema-create-compatible.json");
    assertThat(response.path("allowed").asBoolean()).as(response.toString()).isTrue();
    assertThat(response.path("warnings")).isEmpty();
  }

  @Test
  void shouldAllowReapplyingRegisteredContent() throws Exception {
    JsonNode response = rig.review("/validate/dataschemas", "dataschema-create-identical.json");
    assertThat(response.path("allowed").asBoolean()).isTrue();
  }

  @Test
  void shouldDenyABreakingUpdateNamingEachPathAndItsFix() throws Exception {
    JsonNode response = rig.review("/validate/dataschemas", "dataschema-update-breaking.json");
    assertThat(response.path("allowed").asBoolean()).isFalse();
    JsonNode status = response.path("status");
    assertThat(status.path("code").asInt()).isEqualTo(409);
    assertThat(status.path("reason").asText()).isEqualTo("Incompatible");
    String message = status.path("message").asText();
    assertThat(message)
        .startsWith(
            "schema for subject \"orders-value\" is not BACKWARD compatible with version 1: 2"
                + " breaking changes")
        .contains("/fields/amount")
        .contains("/fields/channel")
        .contains("fix:");
    assertThat(message.lines()).hasSize(3);
  }

  @Test
  void shouldAnswerADryRunExactlyAsARealRequestAndWriteNothing() throws Exception {
    List<Integer> before = registry.versions("orders-value");
    JsonNode real = rig.review("/validate/dataschemas", "dataschema-update-breaking.json");
    JsonNode dryRun =
        rig.review("/validate/dataschemas", "dataschema-update-breaking-dry-run.json");
    ((ObjectNode) real).remove("uid");
    ((ObjectNode) dryRun).remove("uid");
    assertThat(dryRun).isEqualTo(real);
    JsonNode compatible = rig.review("/validate/dataschemas", "dataschema-create-compatible.json");
    assertThat(compatible.path("allowed").asBoolean()).isTrue();
    assertThat(registry.versions("orders-value")).isEqualTo(before);
  }

  @Test
  void shouldAllowDeletes() throws Exception {
    assertThat(
            rig.review("/validate/dataschemas", "dataschema-delete.json")
                .path("allowed")
                .asBoolean())
        .isTrue();
  }

  @Test
  void shouldAllowButWarnUnderCompatibilityNone() throws Exception {
    JsonNode response =
        rig.review("/validate/dataschemas", "dataschema-create-compatibility-none.json");
    assertThat(response.path("allowed").asBoolean()).isTrue();
    assertThat(response.path("warnings").get(0).asText()).contains("compatibility NONE");
  }

  @Test
  void shouldCheckTransitiveLevelsAgainstEveryVersion() throws Exception {
    String subject = "customers-value";
    registry.register(subject, avro("{\"name\":\"id\",\"type\":\"string\"}"), false);
    registry.register(
        subject,
        avro(
            "{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"tier\",\"type\":\"string\",\"default\":\"basic\"}"),
        false);
    String candidate =
        record("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"tier\",\"type\":\"string\"}");

    JsonNode latestOnly =
        rig.review(WebhookRig.dataSchema(subject, candidate, CompatibilityLevel.BACKWARD));
    assertThat(latestOnly.path("allowed").asBoolean()).as(latestOnly.toString()).isTrue();

    JsonNode transitive =
        rig.review(
            WebhookRig.dataSchema(subject, candidate, CompatibilityLevel.BACKWARD_TRANSITIVE));
    assertThat(transitive.path("allowed").asBoolean()).isFalse();
    assertThat(transitive.path("status").path("message").asText())
        .contains("BACKWARD_TRANSITIVE compatible with versions 1-2")
        .contains("tier");
  }

  @Test
  void shouldReadTheSchemaFromAConfigMap() throws Exception {
    String breaking =
        record(
            "{\"name\":\"orderId\",\"type\":\"long\"},{\"name\":\"amount\",\"type\":\"double\"}");
    kubernetes
        .configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("orders-schema")
                .endMetadata()
                .addToData("order.avsc", breaking)
                .build())
        .create();
    ObjectNode review = WebhookRig.dataSchema("orders-value", "", CompatibilityLevel.BACKWARD);
    ObjectNode spec = (ObjectNode) review.path("request").path("object").path("spec");
    spec.remove("schema");
    spec.putObject("schemaFrom")
        .putObject("configMapKeyRef")
        .put("name", "orders-schema")
        .put("key", "order.avsc");
    JsonNode denied = rig.review(review);
    assertThat(denied.path("status").path("message").asText()).contains("/fields/orderId");

    spec.with("schemaFrom").with("configMapKeyRef").put("key", "absent.avsc");
    JsonNode missing = rig.review(review);
    assertThat(missing.path("status").path("reason").asText()).isEqualTo("NotFound");
    assertThat(missing.path("status").path("message").asText())
        .contains("ConfigMap \"orders-schema\" in namespace \"shop\" has no key \"absent.avsc\"");
  }

  @Test
  void shouldCheckANullSubjectAsTheResourceNameItDefaultsTo() throws Exception {
    ObjectNode review = WebhookRig.tree("dataschema-update-breaking.json");
    ObjectNode object = (ObjectNode) review.path("request").path("object");
    ((ObjectNode) object.path("spec")).putNull("subject");
    ((ObjectNode) object.path("metadata")).put("name", "orders-value");
    ((ObjectNode) review.path("request")).put("operation", "CREATE").putNull("oldObject");
    JsonNode response = rig.review(review);
    assertThat(response.path("allowed").asBoolean()).as(response.toString()).isFalse();
    assertThat(response.path("status").path("message").asText())
        .contains("subject \"orders-value\" is not BACKWARD compatible");
  }

  private static SchemaSubmission avro(String fields) {
    return SchemaSubmission.of(SchemaFormat.AVRO, record(fields));
  }

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"Customer\",\"fields\":[" + fields + "]}";
  }
}
