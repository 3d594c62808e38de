package dev.schemagate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.webhooks.kubernetes.KubernetesClusterReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry cannot be reached: a socket that accepts connections and never answers (the worst
 * case, a hung registry). The webhook must answer inside the client's 10 s deadline — the API
 * server's default — denying (fail closed) or admitting with a warning (fail open).
 */
@EnableKubernetesMockClient(crud = true)
class FailureModeIT {
  static KubernetesClient kubernetes;
  @TempDir static Path closedTls;
  @TempDir static Path openTls;
  private static ServerSocket hungRegistry;
  private static WebhookRig failClosed;
  private static WebhookRig failOpen;

  @BeforeAll
  static void start() throws Exception {
    hungRegistry = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    URI hung = URI.create("http://127.0.0.1:" + hungRegistry.getLocalPort());
    KubernetesClusterReader cluster =
        new KubernetesClusterReader(kubernetes, Duration.ofSeconds(2));
    failClosed =
        new WebhookRig(
            closedTls, hung, cluster, Map.of("SCHEMAGATE_WEBHOOK_REGISTRY_TIMEOUT", "1s"));
    failOpen =
        new WebhookRig(
            openTls,
            hung,
            cluster,
            Map.of(
                "SCHEMAGATE_WEBHOOK_REGISTRY_TIMEOUT", "1s",
                "SCHEMAGATE_WEBHOOK_FAILURE_MODE", "open"));
  }

  @AfterAll
  static void stop() throws Exception {
    failClosed.close();
    failOpen.close();
    hungRegistry.close();
  }

  @Test
  void shouldDenyInTimeSayingTheRegistryIsUnavailableWhenFailingClosed() throws Exception {
    JsonNode response =
        failClosed.review("/validate/dataschemas", "dataschema-create-compatible.json");
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("code").asInt()).isEqualTo(503);
    assertThat(response.path("status").path("reason").asText()).isEqualTo("Unavailable");
    assertThat(response.path("status").path("message").asText())
        .contains("the schema registry failed")
        .contains("no answer within 1000 ms")
        .contains("fails closed");
  }

  @Test
  void shouldAdmitWithAWarningWhenFailingOpen() throws Exception {
    JsonNode response =
        failOpen.review("/validate/dataschemas", "dataschema-create-compatible.json");
    assertThat(response.path("allowed").asBoolean()).isTrue();
    assertThat(response.path("warnings").get(0).asText())
        .contains("admitted WITHOUT checking")
        .contains("fails open");
  }
}
