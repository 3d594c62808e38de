package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the real API server enforces from the generated CRDs alone, before any webhook. */
class CustomResourceDefinitionsIT {
  private static final String NS = "crd-validation";
  private static final String AVRO =
      "{\"type\":\"record\",\"name\":\"Ping\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";

  private static KubernetesClient client;
  private static Kubectl kubectl;

  @BeforeAll
  static void installCrds() {
    RealApiServer cluster = RealApiServer.get();
    cluster.ensureCrdsInstalled();
    client = cluster.adminClient();
    kubectl = cluster.kubectl();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  private static String dataSchema(String name, String specBody) {
    return """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataSchema
        metadata:
          name: %s
          namespace: %s
        spec:
        %s
        """
        .formatted(name, NS, specBody.indent(2));
  }

  @Test
  void shouldAcceptAValidDataSchemaAndApplyDefaults() {
    Kubectl.Result result =
        kubectl.apply(dataSchema("valid", "format: AVRO\nschema: '" + AVRO + "'"));
    assertThat(result.ok()).as(result.output()).isTrue();

    GenericKubernetesResource stored =
        client
            .genericKubernetesResources(context("dataschemas", "DataSchema"))
            .inNamespace(NS)
            .withName("valid")
            .get();
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) stored.getAdditionalProperties().get("spec");
    assertThat(spec)
        .containsEntry("compatibility", "BACKWARD")
        .containsEntry("deletionPolicy", "Retain");
  }

  @Test
  void shouldRejectAMissingRequiredFieldWithTheApiServersOwnMessage() {
    Kubectl.Result result = kubectl.apply(dataSchema("no-format", "schema: '" + AVRO + "'"));
    assertThat(result.ok()).isFalse();
    assertThat(result.output()).contains("spec.format").contains("Required value");
  }

  @Test
  void shouldRejectAnUnknownEnumValue() {
    Kubectl.Result result =
        kubectl.apply(
            dataSchema(
                "bad-level", "format: AVRO\ncompatibility: SIDEWAYS\nschema: '" + AVRO + "'"));
    assertThat(result.ok()).isFalse();
    assertThat(result.output()).contains("spec.compatibility").contains("Unsupported value");
  }

  @Test
  void shouldRejectBothInlineSchemaAndConfigMapSourceThroughTheCelRule() {
    Kubectl.Result result =
        kubectl.apply(
            dataSchema(
                "two-sources",
                """
                format: AVRO
                schema: '%s'
                schemaFrom:
                  configMapKeyRef: {name: cm, key: k}
                """
                    .formatted(AVRO)));
    assertThat(result.ok()).isFalse();
    assertThat(result.output()).contains("set exactly one of spec.schema");
  }

  @Test
  void shouldRefuseToChangeTheSubjectOfAnExistingResource() {
    assertThat(
            kubectl
                .apply(
                    dataSchema(
                        "pinned", "subject: pinned-v1\nformat: AVRO\nschema: '" + AVRO + "'"))
                .ok())
        .isTrue();
    Kubectl.Result result =
        kubectl.apply(
            dataSchema("pinned", "subject: pinned-v2\nformat: AVRO\nschema: '" + AVRO + "'"));
    assertThat(result.ok()).isFalse();
    assertThat(result.output()).contains("spec.subject is immutable");
  }

  private static String dataContract(String name, String drift) {
    return """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataContract
        metadata:
          name: %s
          namespace: %s
        spec:
          schemaRef: orders
          owner: {team: payments}
          drift:
        %s
        """
        .formatted(name, NS, drift.indent(4));
  }

  @Test
  void shouldAcceptDriftThresholdsWithPerFieldOverrides() {
    Kubectl.Result result =
        kubectl.apply(
            dataContract(
                "drift-ok",
                """
                window: 5000
                step: 500
                psi: 0.25
                nullRate: 0.05
                fields:
                  - {field: customer.country, newCategoryShare: 0.01}
                  - {field: amount, ks: 0.1}
                """));
    assertThat(result.ok()).as(result.output()).isTrue();
  }

  @Test
  void shouldRefuseDriftThresholdsOutOfRangeNamingEachOne() {
    Kubectl.Result range =
        kubectl.apply(
            dataContract(
                "drift-range", "ks: 1.5\nnullRate: 0\nfields:\n  - {field: amount, psi: -1}\n"));
    assertThat(range.ok()).isFalse();
    assertThat(range.output())
        .contains("spec.drift.ks")
        .contains("spec.drift.nullRate")
        .contains("spec.drift.fields[0].psi");

    Kubectl.Result step = kubectl.apply(dataContract("drift-step", "window: 100\nstep: 500\n"));
    assertThat(step.ok()).isFalse();
    assertThat(step.output()).contains("spec.drift.step must not be larger than spec.drift.window");

    Kubectl.Result twice =
        kubectl.apply(
            dataContract(
                "drift-twice", "fields:\n  - {field: amount, psi: 0.1}\n  - {field: amount}\n"));
    assertThat(twice.ok()).isFalse();
    assertThat(twice.output()).contains("spec.drift.fields names a field twice");
  }

  @Test
  void shouldShowThePrinterColumnsInKubectlGet() {
    assertThat(kubectl.apply(dataSchema("listed", "format: AVRO\nschema: '" + AVRO + "'")).ok())
        .isTrue();
    // The full name here; the short names and the schemagate category below.
    Kubectl.Result ds = kubectl.run("get", "dataschemas", "-n", NS);
    assertThat(ds.ok()).as(ds.output()).isTrue();
    String header = ds.stdout().lines().findFirst().orElse("(no output) " + ds.output());
    assertThat(header)
        .contains("NAME", "SUBJECT", "VERSION", "ID", "COMPATIBILITY", "READY", "AGE");

    Kubectl.Result all = kubectl.run("get", "dsch,dc,promo", "-n", NS);
    assertThat(all.ok()).as(all.output()).isTrue();
    assertThat(all.stdout()).contains("dataschema.schemagate.dev/listed");

    Kubectl.Result category = kubectl.run("get", "schemagate", "-n", NS, "-o", "name");
    assertThat(category.ok()).as(category.output()).isTrue();
    assertThat(category.stdout()).contains("dataschema.schemagate.dev/listed");
  }

  @Test
  void shouldKeepStatusAsASubresourceThatSpecUpdatesCannotWrite() {
    assertThat(kubectl.apply(dataSchema("status-sub", "format: AVRO\nschema: '" + AVRO + "'")).ok())
        .isTrue();
    var resources =
        client.genericKubernetesResources(context("dataschemas", "DataSchema")).inNamespace(NS);
    GenericKubernetesResource current = resources.withName("status-sub").get();
    current.getAdditionalProperties().put("status", Map.of("subject", "smuggled"));
    resources.resource(current).update();
    assertThat(resources.withName("status-sub").get().getAdditionalProperties())
        .doesNotContainKey("status");

    GenericKubernetesResource again = resources.withName("status-sub").get();
    again.getAdditionalProperties().put("status", Map.of("subject", "via-subresource"));
    resources.resource(again).updateStatus();
    @SuppressWarnings("unchecked")
    Map<String, Object> status =
        (Map<String, Object>)
            resources.withName("status-sub").get().getAdditionalProperties().get("status");
    assertThat(status).containsEntry("subject", "via-subresource");
  }

  private static ResourceDefinitionContext context(String plural, String kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("schemagate.dev")
        .withVersion("v1alpha1")
        .withPlural(plural)
        .withKind(kind)
        .withNamespaced(true)
        .build();
  }
}
