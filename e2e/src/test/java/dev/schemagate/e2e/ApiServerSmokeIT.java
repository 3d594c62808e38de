package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

class ApiServerSmokeIT {
  @Test
  void shouldServeTheDefaultNamespaceFromARealApiServer() {
    try (KubernetesClient client = RealApiServer.get().adminClient()) {
      assertThat(client.namespaces().withName("default").get()).isNotNull();
      assertThat(client.getKubernetesVersion().getGitVersion()).startsWith("v1.");
    }
  }
}
