package dev.schemagate.webhooks.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.webhooks.admission.WebhookException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Reads through the fabric8 client, each call bounded by {@code timeout}. */
public final class KubernetesClusterReader implements ClusterReader, AutoCloseable {
  // Named in full so that no API discovery round trip precedes each read.
  private static final ResourceDefinitionContext DATA_SCHEMAS =
      new ResourceDefinitionContext.Builder()
          .withGroup("schemagate.dev")
          .withVersion("v1alpha1")
          .withKind("DataSchema")
          .withPlural("dataschemas")
          .withNamespaced(true)
          .build();
  private final KubernetesClient client;
  private final Duration timeout;
  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

  public KubernetesClusterReader(KubernetesClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public Optional<JsonNode> dataSchema(String namespace, String name) throws WebhookException {
    GenericKubernetesResource found =
        bounded(
            () ->
                client
                    .genericKubernetesResources(DATA_SCHEMAS)
                    .inNamespace(namespace)
                    .withName(name)
                    .get());
    return Optional.ofNullable(found).map(json::valueToTree);
  }

  @Override
  public Optional<String> configMapValue(String namespace, String name, String key)
      throws WebhookException {
    ConfigMap map = bounded(() -> client.configMaps().inNamespace(namespace).withName(name).get());
    return Optional.ofNullable(map).map(ConfigMap::getData).map(data -> data.get(key));
  }

  private <T> T bounded(Supplier<T> call) throws WebhookException {
    try {
      return CompletableFuture.supplyAsync(call, calls)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw unavailable("no answer within " + timeout.toMillis() + " ms", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KubernetesClientException k && k.getCode() == 404) {
        return null; // the resource type itself is unknown: treat as not found
      }
      throw unavailable(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted", e);
    }
  }

  private static WebhookException unavailable(String why, Throwable cause) {
    return new WebhookException(WebhookException.Reason.KUBERNETES_UNAVAILABLE, why, cause);
  }

  @Override
  public void close() {
    calls.shutdownNow();
    client.close();
  }
}
