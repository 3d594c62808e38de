package dev.schemagate.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifests under {@code operator/manifests} parse and agree with the code. */
class ManifestsTest {
  private static final Path DIR = Path.of("manifests");

  @Test
  void shouldGrantExactlyWhatTheOperatorCalls() throws IOException {
    ClusterRole role = only(load("clusterrole.yaml"), ClusterRole.class);

    Map<String, List<String>> grants = new java.util.TreeMap<>();
    for (PolicyRule rule : role.getRules()) {
      for (String resource : rule.getResources()) {
        grants.put(rule.getApiGroups().get(0) + "/" + resource, rule.getVerbs());
      }
    }
    assertThat(grants)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "schemagate.dev/dataschemas", List.of("get", "list", "watch", "patch"),
                "schemagate.dev/dataschemas/status", List.of("patch"),
                "schemagate.dev/datacontracts", List.of("get", "list", "watch", "patch"),
                "schemagate.dev/promotions", List.of("get", "list", "watch", "patch"),
                "schemagate.dev/datacontracts/status", List.of("patch"),
                "schemagate.dev/promotions/status", List.of("patch"),
                "/configmaps", List.of("get", "list", "watch", "create", "patch"),
                "/events", List.of("create", "patch")));
  }

  @Test
  void shouldConfigureTheDeploymentWithVariablesTheOperatorReads() throws IOException {
    Deployment deployment = only(load("deployment.yaml"), Deployment.class);
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    Map<String, String> env = new java.util.HashMap<>();
    for (EnvVar var : container.getEnv()) {
      env.put(var.getName(), var.getValue() == null ? "" : var.getValue());
    }

    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("schemagate-operator");
    assertThat(env).containsKeys("SCHEMAGATE_REGISTRY_URL", "POD_NAMESPACE");
    // Every value the Deployment sets is one the operator accepts.
    OperatorConfig config = OperatorConfig.fromEnv(env);
    OperatorSettings settings = config.operator();
    assertThat(settings.leaderElection()).isTrue();
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(settings.metricsPort());
  }

  @Test
  void shouldGiveTheOperatorAndTheWebhooksTheSameEnvironmentsInTheOneFormat() throws IOException {
    String operator = environments(only(load("deployment.yaml"), Deployment.class));
    String webhooks =
        environments(
            only(load(Path.of("../webhooks/manifests/deployment.yaml")), Deployment.class));

    assertThat(webhooks).isEqualTo(operator);
    var environments = dev.schemagate.core.config.Environments.parse(operator);
    assertThat(environments.names()).containsExactly("dev", "staging", "prod");
  }

  private static String environments(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(v -> v.getName().equals("SCHEMAGATE_ENVIRONMENTS"))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no SCHEMAGATE_ENVIRONMENTS in " + deployment));
  }

  private static List<HasMetadata> load(String file) throws IOException {
    return load(DIR.resolve(file));
  }

  private static List<HasMetadata> load(Path file) throws IOException {
    List<HasMetadata> items = new ArrayList<>();
    for (String doc : Files.readString(file).split("(?m)^---\\s*$")) {
      if (!doc.isBlank()) {
        items.add(Serialization.unmarshal(doc));
      }
    }
    return items;
  }

  private static <T> T only(List<HasMetadata> items, Class<T> type) {
    return items.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }
}
