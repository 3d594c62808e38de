package dev.schemagate.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The shipped ValidatingWebhookConfiguration, pointed at a webhook jar on a loopback port with its
 * CA bundle instead of the in-cluster Service, installed once the webhook listens.
 */
record WebhookRegistration(KubernetesClient client, String name) implements AutoCloseable {

  static WebhookRegistration install(
      KubernetesClient client, WebhookProcess webhook, SelfSignedTls tls) {
    // A JVM that syncs its informers before it listens: under a loaded CI machine this once took
    // over 30 s. Waiting longer costs nothing when it is quick.
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> {
              if (!webhook.isAlive()) {
                throw new AssertionError("webhook exited:\n" + webhook.log());
              }
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", webhook.port()), 500);
                return true;
              } catch (java.io.IOException notYet) {
                return false;
              }
            });
    ValidatingWebhookConfiguration configuration =
        Serialization.unmarshal(
            Repo.read("webhooks/manifests/validating-webhook-configuration.yaml"),
            ValidatingWebhookConfiguration.class);
    String caBundle =
        Base64.getEncoder().encodeToString(tls.certPem().getBytes(StandardCharsets.US_ASCII));
    for (ValidatingWebhook hook : configuration.getWebhooks()) {
      String path = hook.getClientConfig().getService().getPath();
      hook.setClientConfig(
          new WebhookClientConfig(caBundle, null, "https://127.0.0.1:" + webhook.port() + path));
    }
    configuration.getMetadata().setAnnotations(Map.of());
    client.resource(configuration).create();
    return new WebhookRegistration(client, configuration.getMetadata().getName());
  }

  @Override
  public void close() {
    client.admissionRegistration().v1().validatingWebhookConfigurations().withName(name).delete();
  }
}
