package dev.schemagate.webhooks.registry;

import com.github.benmanes.caffeine.cache.AsyncCache;
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
  // Futures, so that concurrent reviews of one subject share one load (a cold cache under an
  // Argo CD sync must not send every request to the registry). A load that fails completes
  // with a Failed outcome (not exceptionally, which Caffeine would log) and is evicted at once.
  private final AsyncCache<String, Outcome> histories;

  private sealed interface Outcome {
    record Loaded(SubjectHistory history) implements Outcome {}

    record Failed(Throwable cause) implements Outcome {}
  }

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
    this.histories =
        Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(10_000).buildAsync();
  }

  public URI url() {
    return url;
  }

  /** The subject's registered versions, oldest first, parsed; empty for an unknown subject. */
  public SubjectHistory history(String subject) throws WebhookException {
    CompletableFuture<Outcome> shared =
        histories.get(
            subject,
            (key, executor) ->
                bounded(() -> load(key))
                    .<Outcome>thenApply(Outcome.Loaded::new)
                    .exceptionally(Outcome.Failed::new));
    Outcome outcome = await(shared);
    return switch (outcome) {
      case Outcome.Loaded loaded -> loaded.history();
      case Outcome.Failed failed -> {
        histories.asMap().remove(subject, shared); // the next review asks the registry again
        throw failure(failed.cause());
      }
    };
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
    List<Integer> numbers = client.versions(subject);
    // Versions are fetched side by side: a cold 20-version history costs one round trip's time.
    List<CompletableFuture<Optional<RegisteredVersion>>> fetches = new ArrayList<>();
    for (int number : numbers) {
      fetches.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return fetch(subject, number);
                } catch (RegistryException e) {
                  throw new CompletionException(e);
                }
              },
              calls));
    }
    List<RegisteredVersion> registered = new ArrayList<>();
    for (CompletableFuture<Optional<RegisteredVersion>> fetch : fetches) {
      try {
        fetch.join().ifPresent(registered::add);
      } catch (CompletionException e) {
        if (e.getCause() instanceof RegistryException registryFailure) {
          throw registryFailure;
        }
        throw e;
      }
    }
    return SubjectHistory.parse(parser, registered);
  }

  /** A version deleted between listing and fetching is simply not part of the history. */
  private Optional<RegisteredVersion> fetch(String subject, int number) throws RegistryException {
    return client
        .version(subject, number)
        .map(
            version -> {
              try {
                return new RegisteredVersion(
                    number, version.format(), version.schema(), references(version.references()));
              } catch (RegistryException e) {
                throw new CompletionException(e);
              }
            });
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
      throw failure(e);
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted", e);
    }
  }

  private WebhookException failure(Throwable cause) {
    Throwable root =
        cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
    if (root instanceof TimeoutException) {
      return unavailable("no answer within " + timeout.toMillis() + " ms", root);
    }
    return unavailable(root.getMessage(), root);
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
