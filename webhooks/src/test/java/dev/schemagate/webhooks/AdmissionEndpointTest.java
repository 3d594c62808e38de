package dev.schemagate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.webhooks.admission.WebhookException;
import dev.schemagate.webhooks.kubernetes.ClusterReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input over real HTTPS: each gets a clear 4xx or a well-formed denial, never a 500. */
class AdmissionEndpointTest {
  @TempDir static Path tls;
  private static WebhookRig rig;

  /** Not reached by any of these requests; fails loudly if it were. */
  private static final ClusterReader NO_CLUSTER =
      new ClusterReader() {
        @Override
        public Optional<JsonNode> dataSchema(String namespace, String name)
            throws WebhookException {
          throw new WebhookException(WebhookException.Reason.KUBERNETES_UNAVAILABLE, "no cluster");
        }

        @Override
        public Optional<String> configMapValue(String namespace, String name, String key)
            throws WebhookException {
          throw new WebhookException(WebhookException.Reason.KUBERNETES_UNAVAILABLE, "no cluster");
        }
      };

  @BeforeAll
  static void start() throws Exception {
    // Port 9 (discard) on loopback: nothing listens, so the registry is never there.
    rig = new WebhookRig(tls, URI.create("http://127.0.0.1:9"), NO_CLUSTER, Map.of());
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"not json at all", "{\"apiVersion\": ", "[1, 2, 3]", "\"a string\"", "{}"})
  void shouldAnswerGarbageWithA400NamingTheProblem(String body) throws Exception {
    HttpResponse<String> answer =
        rig.post("/validate/dataschemas", body.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode error = WebhookRig.JSON.readTree(answer.body());
    assertThat(error.path("error_code").asInt()).isEqualTo(400);
    assertThat(error.path("message").asText()).containsAnyOf("AdmissionReview", "empty");
    assertThat(answer.body()).doesNotContain("at com.").doesNotContain("Exception");
  }

  @Test
  void shouldAnswerAnEmptyBodyWithA400() throws Exception {
    HttpResponse<String> answer = rig.post("/validate/dataschemas", new byte[0]);
    assertThat(answer.statusCode()).isEqualTo(400);
  }

  @Test
  void shouldAnswerAReviewWithoutUidWithA400() throws Exception {
    HttpResponse<String> answer =
        rig.post("/validate/dataschemas", WebhookRig.fixture("malformed-review-no-uid.json"));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("no request with a uid");
  }

  @Test
  void shouldAnswerAnOlderReviewVersionWithA400NamingTheVersion() throws Exception {
    HttpResponse<String> answer =
        rig.post("/validate/dataschemas", WebhookRig.fixture("malformed-review-v1beta1.json"));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("admission.k8s.io/v1beta1");
  }

  @Test
  void shouldDenyAReviewOfAnotherKindWithAWellFormedAnswer() throws Exception {
    JsonNode response = rig.review("/validate/dataschemas", "wrong-kind.json");
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("code").asInt()).isEqualTo(400);
    assertThat(response.path("status").path("message").asText())
        .contains("reviews DataSchema.schemagate.dev resources, not ConfigMap");
  }

  @Test
  void shouldDenyADataSchemaSentToThePromotionEndpoint() throws Exception {
    JsonNode response = rig.review("/validate/promotions", "dataschema-create-compatible.json");
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("message").asText())
        .contains("reviews Promotion.schemagate.dev resources, not DataSchema");
  }

  @Test
  void shouldRefuseAFiveMegabyteObjectWithA413BeforeReadingIt() throws Exception {
    ObjectNode review = WebhookRig.tree("dataschema-create-compatible.json");
    char[] padding = new char[5 * 1024 * 1024];
    Arrays.fill(padding, 'x');
    ((ObjectNode) review.path("request").path("object").path("metadata"))
        .putObject("annotations")
        .put("padding", new String(padding));
    HttpResponse<String> answer =
        rig.post("/validate/dataschemas", WebhookRig.JSON.writeValueAsBytes(review));
    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body()).contains("exceeds");
  }

  @Test
  void shouldAnswerOtherMethodsWith405AndUnknownPathsWith404() throws Exception {
    HttpResponse<String> get =
        rig.client.send(
            HttpRequest.newBuilder(rig.uri("/validate/dataschemas")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    HttpResponse<String> unknown = rig.post("/validate/configmaps", "{}".getBytes());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("/validate/dataschemas");
  }

  @Test
  void shouldDenyAnUnparsableSchemaEvenWithTheRegistryDown() throws Exception {
    JsonNode response = rig.review("/validate/dataschemas", "dataschema-create-unparsable.json");
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("reason").asText()).isEqualTo("InvalidSchema");
    assertThat(response.path("status").path("message").asText()).contains("strin");
  }

  @Test
  void shouldAdmitAnUpdateThatLeavesTheSpecAloneEvenWithTheRegistryDown() throws Exception {
    // Finalizers and labels the operator sets must not wait for the registry.
    JsonNode response = rig.review("/validate/dataschemas", "dataschema-update-metadata-only.json");
    assertThat(response.path("allowed").asBoolean()).isTrue();
  }

  @Test
  void shouldDenyAChangeToAnImmutableSubjectWithoutAskingTheRegistry() throws Exception {
    JsonNode response =
        rig.review("/validate/dataschemas", "dataschema-update-subject-changed.json");
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("reason").asText()).isEqualTo("ImmutableField");
    assertThat(response.path("status").path("message").asText())
        .contains("spec.subject is immutable")
        .contains("\"orders-value\"")
        .contains("\"orders-v2\"");
  }

  @Test
  void shouldDenyAChangeOfFormat() throws Exception {
    JsonNode response =
        rig.review("/validate/dataschemas", "dataschema-update-format-changed.json");
    assertThat(response.path("status").path("message").asText())
        .contains("spec.format is immutable: it was AVRO, the update makes it JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PATCH", "WATCH", "create", "GET"})
  void shouldDenyAnOperationTheApiServerNeverSends(String operation) throws Exception {
    ObjectNode review = WebhookRig.tree("dataschema-create-compatible.json");
    ((ObjectNode) review.path("request")).put("operation", operation);
    JsonNode response = rig.review("/validate/dataschemas", review);
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("reason").asText()).isEqualTo("BadRequest");
    assertThat(response.path("status").path("message").asText())
        .contains("operation \"" + operation + "\"")
        .contains("CREATE, UPDATE, DELETE, CONNECT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void shouldDenyABlankSubjectRatherThanDefaultIt(String subject) throws Exception {
    ObjectNode review = WebhookRig.tree("dataschema-create-compatible.json");
    ((ObjectNode) review.path("request").path("object").path("spec")).put("subject", subject);
    JsonNode response = rig.review("/validate/dataschemas", review);
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("reason").asText()).isEqualTo("InvalidSpec");
    assertThat(response.path("status").path("message").asText())
        .contains("spec.subject: must not be blank");
  }

  @Test
  void shouldDenyANullSubjectWithoutAName() throws Exception {
    ObjectNode review = WebhookRig.tree("dataschema-create-compatible.json");
    ObjectNode object = (ObjectNode) review.path("request").path("object");
    ((ObjectNode) object.path("spec")).putNull("subject");
    ((ObjectNode) object.path("metadata")).remove("name");
    JsonNode response = rig.review("/validate/dataschemas", review);
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("message").asText()).contains("spec.subject");
  }

  @Test
  void shouldDenyASchemaPastAComplexityBoundAsSchemaTooComplexEvenWithTheRegistryDown()
      throws Exception {
    ObjectNode review = WebhookRig.tree("dataschema-create-compatible.json");
    StringBuilder chain = new StringBuilder("{\"type\":\"record\",\"name\":\"R0\",\"fields\":[]}");
    for (int i = 1; i <= 100; i++) {
      chain =
          new StringBuilder(
              "{\"type\":\"record\",\"name\":\"R%d\",\"fields\":[{\"name\":\"in\",\"type\":%s}]}"
                  .formatted(i, chain));
    }
    ((ObjectNode) review.path("request").path("object").path("spec"))
        .put("schema", chain.toString());
    JsonNode response = rig.review("/validate/dataschemas", review);
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("reason").asText()).isEqualTo("SchemaTooComplex");
    assertThat(response.path("status").path("message").asText()).contains("(limit schema-depth)");
  }

  @Test
  void shouldCountEveryAnswerInBoundedMetricsServedOverPlainHttp() throws Exception {
    ObjectNode review = WebhookRig.tree("dataschema-create-compatible.json");
    ((ObjectNode) review.path("request")).put("operation", "MADE-UP-" + System.nanoTime());
    rig.review("/validate/dataschemas", review);
    rig.review("/validate/dataschemas", "dataschema-update-metadata-only.json");

    HttpResponse<String> scraped =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + rig.webhooks.metricsPort().orElseThrow()
                                + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body())
        .contains(
            "schemagate_admission_decisions_total{decision=\"denied\",kind=\"DataSchema\","
                + "reason=\"BadRequest\"}")
        .contains(
            "schemagate_admission_decisions_total{decision=\"allowed\",kind=\"DataSchema\","
                + "reason=\"None\"}")
        .contains(
            "schemagate_admission_duration_seconds_bucket{kind=\"DataSchema\",operation=\"OTHER\"")
        .contains(
            "schemagate_admission_duration_seconds_count{kind=\"DataSchema\",operation=\"UPDATE\"}")
        .doesNotContain("MADE-UP");
  }

  @ParameterizedTest
  @ValueSource(strings = {"format=XML", "compatibility=SIDEWAYS", "references=oops"})
  void shouldNameThePathOfAValueTheModelCannotHold(String field) throws Exception {
    String[] kv = field.split("=");
    ObjectNode review = WebhookRig.tree("dataschema-create-compatible.json");
    ((ObjectNode) review.path("request").path("object").path("spec")).put(kv[0], kv[1]);
    JsonNode response = rig.review("/validate/dataschemas", review);
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("reason").asText()).isEqualTo("InvalidSpec");
    assertThat(response.path("status").path("message").asText()).startsWith("spec." + kv[0] + ":");
  }

  @ParameterizedTest
  @ValueSource(strings = {"version=three", "schemaRef= ", "approvals=oops"})
  void shouldNameThePathOfAPromotionValueTheModelCannotHold(String field) throws Exception {
    String[] kv = field.split("=");
    ObjectNode review = WebhookRig.tree("promotion-create-valid.json");
    ((ObjectNode) review.path("request").path("object").path("spec")).put(kv[0], kv[1]);
    JsonNode response = rig.review("/validate/promotions", review);
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("reason").asText()).isEqualTo("InvalidSpec");
    assertThat(response.path("status").path("message").asText()).startsWith("spec." + kv[0] + ":");
  }

  @Test
  void shouldNameTheValuesAnEnumFieldAccepts() throws Exception {
    ObjectNode review = WebhookRig.tree("dataschema-create-compatible.json");
    ((ObjectNode) review.path("request").path("object").path("spec")).put("format", "XML");
    JsonNode response = rig.review("/validate/dataschemas", review);
    assertThat(response.path("status").path("message").asText())
        .isEqualTo("spec.format: unknown format 'XML': one of [AVRO, JSON]");
  }

  @Test
  void shouldDenyAContractWhoseConsumerKindTheModelCannotHoldNamingTheKinds() throws Exception {
    ObjectNode review = WebhookRig.tree("datacontract-create-valid.json");
    ((ObjectNode) review.path("request").path("object").path("spec").path("consumers").path(0))
        .put("kind", "robot");
    JsonNode response = rig.review("/validate/datacontracts", review);
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("reason").asText()).isEqualTo("InvalidContract");
    assertThat(response.path("status").path("message").asText())
        .contains("data contract for schema \"orders\" is invalid: 1 problem")
        .contains(
            "consumers[0].kind: unknown kind 'robot': one of [dbt_model, dashboard, service,"
                + " ml_model]");
  }

  @Test
  void shouldDenyAContractWhoseQualityIsNotAListNamingThePath() throws Exception {
    ObjectNode review = WebhookRig.tree("datacontract-create-valid.json");
    ((ObjectNode) review.path("request").path("object").path("spec")).put("quality", "oops");
    JsonNode response = rig.review("/validate/datacontracts", review);
    assertThat(response.path("status").path("reason").asText()).isEqualTo("InvalidContract");
    assertThat(response.path("status").path("message").asText()).contains("\n- quality: ");
  }

  @Test
  void shouldAnswerHealthAndReadiness() throws Exception {
    for (String probe : new String[] {"/healthz", "/readyz"}) {
      HttpResponse<String> answer =
          rig.client.send(
              HttpRequest.newBuilder(rig.uri(probe)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
    }
  }
}
