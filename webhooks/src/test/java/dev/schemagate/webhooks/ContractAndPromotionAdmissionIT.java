package dev.schemagate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.webhooks.kubernetes.KubernetesClusterReader;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DataContract and Promotion admission over real HTTPS: the DataSchema they name lives in the
 * (mock, CRUD) Kubernetes API, its versions in the real registry server.
 */
@EnableKubernetesMockClient(crud = true)
class ContractAndPromotionAdmissionIT {
  static KubernetesClient kubernetes;
  @TempDir static Path tls;
  private static WebhookRig rig;

  @BeforeAll
  static void start() throws Exception {
    SharedRegistry.client()
        .register(
            "orders-value",
            SchemaSubmission.of(SchemaFormat.AVRO, WebhookRig.text("schema-v1.avsc")),
            false);
    kubernetes
        .genericKubernetesResources(
            new ResourceDefinitionContext.Builder()
                .withGroup("schemagate.dev")
                .withVersion("v1alpha1")
                .withKind("DataSchema")
                .withPlural("dataschemas")
                .withNamespaced(true)
                .build())
        .inNamespace("shop")
        .resource(
            WebhookRig.JSON.readValue(
                WebhookRig.fixture("dataschema-orders.json"), GenericKubernetesResource.class))
        .create();
    String registry = SharedRegistry.server().url();
    rig =
        new WebhookRig(
            tls,
            SharedRegistry.server().uri(),
            new KubernetesClusterReader(kubernetes, Duration.ofSeconds(2)),
            Map.of(
                "SCHEMAGATE_ENVIRONMENTS",
                "dev=" + registry + ",staging=" + registry + ",prod=" + registry));
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void shouldAllowAContractWhoseFieldsAndRulesAreSound() throws Exception {
    JsonNode response = rig.review("/validate/datacontracts", "datacontract-create-valid.json");
    assertThat(response.path("allowed").asBoolean()).as(response.toString()).isTrue();
  }

  @Test
  void shouldDenyAContractNamingMissingFieldsAndABadRegexListingEachProblem() throws Exception {
    JsonNode response = rig.review("/validate/datacontracts", "datacontract-create-invalid.json");
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("reason").asText()).isEqualTo("InvalidContract");
    assertThat(response.path("status").path("message").asText())
        .contains("3 problems")
        .contains("quality[0].field: field 'discount' is not in the schema")
        .contains("quality[1].params.pattern: does not compile")
        .contains("consumers[0].fields[1]: field 'region' is not in the schema");
  }

  @Test
  void shouldDenyDriftThresholdsOnAFieldTheSchemaLacksAndAllowThoseOnItsFields() throws Exception {
    JsonNode request =
        WebhookRig.JSON.readTree(WebhookRig.fixture("datacontract-create-valid.json"));
    var drift =
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                request.path("request").path("object").path("spec"))
            .putObject("drift");
    drift.put("window", 1000);
    drift.putArray("fields").addObject().put("field", "amount").put("psi", 0.3);

    JsonNode allowed = rig.review("/validate/datacontracts", request);
    assertThat(allowed.path("allowed").asBoolean()).as(allowed.toString()).isTrue();

    ((com.fasterxml.jackson.databind.node.ArrayNode) drift.get("fields"))
        .addObject()
        .put("field", "ammount")
        .put("ks", 0.1);
    JsonNode denied = rig.review("/validate/datacontracts", request);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(denied.path("status").path("reason").asText()).isEqualTo("InvalidContract");
    assertThat(denied.path("status").path("message").asText())
        .contains("1 problem")
        .contains("drift.fields[1].field: field 'ammount' is not in the schema");
  }

  @Test
  void shouldDenyAContractWithAnUnknownRuleNamingTheRulesThereAre() throws Exception {
    JsonNode response =
        rig.review("/validate/datacontracts", "datacontract-create-unknown-rule.json");
    assertThat(response.path("status").path("reason").asText()).isEqualTo("InvalidContract");
    assertThat(response.path("status").path("message").asText())
        .contains("quality[0].rule: unknown rule 'not_nul': one of [not_null, unique,");
  }

  @Test
  void shouldDenyAContractWhoseSchemaRefResolvesToNothing() throws Exception {
    JsonNode response =
        rig.review("/validate/datacontracts", "datacontract-create-unknown-schema.json");
    assertThat(response.path("status").path("reason").asText()).isEqualTo("NotFound");
    assertThat(response.path("status").path("message").asText())
        .contains("no DataSchema \"payments\" in namespace \"shop\"");
  }

  @Test
  void shouldAllowAPromotionToTheNextEnvironmentOfARegisteredVersion() throws Exception {
    JsonNode response = rig.review("/validate/promotions", "promotion-create-valid.json");
    assertThat(response.path("allowed").asBoolean()).as(response.toString()).isTrue();
  }

  @Test
  void shouldDenyAPromotionThatSkipsAnEnvironment() throws Exception {
    JsonNode response = rig.review("/validate/promotions", "promotion-create-skip.json");
    assertThat(response.path("status").path("reason").asText()).isEqualTo("InvalidPromotion");
    assertThat(response.path("status").path("message").asText())
        .contains("cannot promote from dev straight to prod: promote to staging first");
  }

  @Test
  void shouldDenyAPromotionOfAVersionTheSourceLacks() throws Exception {
    JsonNode response = rig.review("/validate/promotions", "promotion-create-missing-version.json");
    assertThat(response.path("status").path("reason").asText()).isEqualTo("NotFound");
    assertThat(response.path("status").path("message").asText())
        .contains("version 7 of subject \"orders-value\" is not registered in dev");
  }

  @Test
  void shouldAllowAddingApprovalsToAnExistingPromotion() throws Exception {
    JsonNode response = rig.review("/validate/promotions", "promotion-update-approval-only.json");
    assertThat(response.path("allowed").asBoolean()).isTrue();
  }
}
