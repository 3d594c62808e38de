package dev.schemagate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.webhooks.kubernetes.KubernetesClusterReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached subject history never decides a review once the registry has moved past it: the webhook
 * here keeps histories for a minute, as a long TTL would, and must still see a version registered
 * (or deleted) a moment ago.
 */
@EnableKubernetesMockClient(crud = true)
class HistoryFreshnessIT {
  static KubernetesClient kubernetes;
  @TempDir static Path tls;
  private static WebhookRig rig;
  private static SchemaRegistryClient registry;

  private static final String V1 =
      """
      {"type":"record","name":"Shipment","fields":[{"name":"id","type":"string"},\
      {"name":"state","type":{"type":"enum","name":"State","symbols":["NEW","SENT","LOST"]}}]}""";
  private static final String WITHOUT_LOST =
      """
      {"type":"record","name":"Shipment","fields":[{"name":"id","type":"string"},\
      {"name":"state","type":{"type":"enum","name":"State","symbols":["NEW","SENT"]}}]}""";

  @BeforeAll
  static void start() throws Exception {
    registry = SharedRegistry.client();
    rig =
        new WebhookRig(
            tls,
            SharedRegistry.server().uri(),
            new KubernetesClusterReader(kubernetes, Duration.ofSeconds(2)),
            Map.of("SCHEMAGATE_WEBHOOK_CACHE_TTL", "60s"));
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void shouldDenyABreakingChangeAppliedRightAfterTheFirstVersionWasRegistered() throws Exception {
    String subject = "shipments-value";
    JsonNode create =
        rig.review(WebhookRig.dataSchema(subject, V1, CompatibilityLevel.BACKWARD_TRANSITIVE));
    assertThat(create.path("allowed").asBoolean()).as(create.toString()).isTrue();

    registry.register(subject, SchemaSubmission.of(SchemaFormat.AVRO, V1), false);

    JsonNode breaking =
        rig.review(
            WebhookRig.dataSchema(subject, WITHOUT_LOST, CompatibilityLevel.BACKWARD_TRANSITIVE));
    assertThat(breaking.path("allowed").asBoolean()).as(breaking.toString()).isFalse();
    assertThat(breaking.path("status").path("message").asText())
        .contains("BACKWARD_TRANSITIVE")
        .contains("LOST");
  }

  @Test
  void shouldNotDenyOnAVersionTheRegistryHasMovedPast() throws Exception {
    String subject = "parcels-value";
    String withoutDefault =
        """
        {"type":"record","name":"Parcel","fields":[{"name":"id","type":"string"},\
        {"name":"weight","type":"long"}]}""";
    registry.register(
        subject,
        SchemaSubmission.of(
            SchemaFormat.AVRO,
            "{\"type\":\"record\",\"name\":\"Parcel\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}"),
        false);
    JsonNode denied =
        rig.review(WebhookRig.dataSchema(subject, withoutDefault, CompatibilityLevel.BACKWARD));
    assertThat(denied.path("allowed").asBoolean()).as(denied.toString()).isFalse();

    // The team registers it on purpose under NONE: the same content is now simply version 2.
    registry.setCompatibility(subject, CompatibilityLevel.NONE);
    registry.register(subject, SchemaSubmission.of(SchemaFormat.AVRO, withoutDefault), false);

    JsonNode admitted =
        rig.review(WebhookRig.dataSchema(subject, withoutDefault, CompatibilityLevel.BACKWARD));
    assertThat(admitted.path("allowed").asBoolean()).as(admitted.toString()).isTrue();
  }

  @Test
  void shouldForgetAHistoryWhoseSubjectWasDeleted() throws Exception {
    String subject = "returns-value";
    registry.register(subject, SchemaSubmission.of(SchemaFormat.AVRO, V1), false);
    JsonNode denied =
        rig.review(
            WebhookRig.dataSchema(subject, WITHOUT_LOST, CompatibilityLevel.BACKWARD_TRANSITIVE));
    assertThat(denied.path("allowed").asBoolean()).as(denied.toString()).isFalse();

    registry.deleteSubject(subject, false);

    JsonNode admitted =
        rig.review(
            WebhookRig.dataSchema(subject, WITHOUT_LOST, CompatibilityLevel.BACKWARD_TRANSITIVE));
    assertThat(admitted.path("allowed").asBoolean()).as(admitted.toString()).isTrue();
  }
}
