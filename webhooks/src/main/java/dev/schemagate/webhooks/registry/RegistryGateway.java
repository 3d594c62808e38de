package dev.schemagate.webhooks.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.schemagate.core.review.RegisteredVersion;
import dev.schemagate.core.review.SubjectHistory;
import dev.schemagate.core.schema.SchemaParser;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.webhooks.admission.WebhookException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Read-only access to one registry, every call bounded by {@code timeout} so that the webhook
 * answers well inside the API server's deadline whatever the registry does. A subject's parsed
 * history is cached for {@code cacheTtl}: a burst of applies (Argo CD syncing a repo) costs one
 * round of registry calls per subject, and a version registered meanwhile is seen within the TTL.
 * Never writes: dry-run requests and real ones have the same (absent) side effects.
 */
public final class RegistryGateway implements AutoCloseable {
  private final URI url;
  private final SchemaRegistryClient client;
  private final SchemaParser parser;
  private final Duration timeout;
  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
  private final Cache<String, SubjectHistory> histories;

  public RegistryGateway(
      URI url,
      SchemaRegistryClient client,
      SchemaParser parser,
      Duration timeout,
      Duration cacheTtl) {
    this.url = url;
    this.client = client;
    this.parser = parser;
    this.timeout = timeout;
    this.histories = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(10_000).build();
  }

  public URI url() {
    return url;
  }

  /** The subject's registered versions, oldest first, parsed; empty for an unknown subject. */
  public SubjectHistory history(String subject) throws WebhookException {
    SubjectHistory cached = histories.getIfPresent(subject);
    if (cached != null) {
      return cached;
    }
    // Only answers are cached; a failure is retried by the next request.
    SubjectHistory loaded = await(bounded(() -> load(subject)));
    histories.put(subject, loaded);
    return loaded;
  }

  /** The version numbers registered under {@code subject}; empty for an unknown subject. */
  public List<Integer> versions(String subject) throws WebhookException {
    return await(bounded(() -> client.versions(subject)));
  }

  /** The text of {@code subject} at {@code version}, if registered. */
  public Optional<String> schemaText(String subject, int version) throws WebhookException {
    return await(bounded(() -> client.version(subject, version).map(RegisteredSchema::schema)));
  }

  private SubjectHistory load(String subject) throws RegistryException {
    List<RegisteredVersion> registered = new ArrayList<>();
    for (int number : client.versions(subject)) {
      // A version deleted between the two calls is simply not part of the history.
      Optional<RegisteredSchema> version = client.version(subject, number);
      if (version.isPresent()) {
        registered.add(
            new RegisteredVersion(
                number,
                version.get().format(),
                version.get().schema(),
                references(version.get().references())));
      }
    }
    return SubjectHistory.parse(parser, registered);
  }

  private Map<String, String> references(List<SchemaReference> references)
      throws RegistryException {
    Map<String, String> texts = new HashMap<>();
    for (SchemaReference reference : references) {
      client
          .version(reference.subject(), reference.version())
          .ifPresent(found -> texts.put(reference.name(), found.schema()));
    }
    return texts;
  }

  private interface Call<T> {
    T run() throws RegistryException;
  }

  private <T> CompletableFuture<T> bounded(Call<T> call) {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return call.run();
              } catch (RegistryException e) {
                throw new CompletionException(e);
              }
            },
            calls)
        // Completes the future even if the client hangs, so a stuck call never stays cached.
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private <T> T await(CompletableFuture<T> future) throws WebhookException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw unavailable("no answer within " + timeout.toMillis() + " ms", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TimeoutException) {
        throw unavailable("no answer within " + timeout.toMillis() + " ms", cause);
      }
      throw unavailable(cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted", e);
    }
  }

  private WebhookException unavailable(String why, Throwable cause) {
    return new WebhookException(
        WebhookException.Reason.REGISTRY_UNAVAILABLE, "registry " + url + ": " + why, cause);
  }

  @Override
  public void close() {
    calls.shutdownNow();
    client.close();
  }
}
