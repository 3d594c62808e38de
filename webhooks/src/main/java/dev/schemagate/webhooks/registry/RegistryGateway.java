package dev.schemagate.webhooks.registry;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
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
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Read-only access to one registry, every call bounded by {@code timeout} so that the webhook
 * answers well inside the API server's deadline whatever the registry does. A subject's parsed
 * history is cached (a burst of applies costs one round of registry calls per subject), but a
 * decision never rests on a cached history that the registry has moved past: every review first
 * asks the registry for the subject's latest version (a conditional request when the registry sends
 * an ETag) and reloads the history when its newest version is not that one. A history that is older
 * in either direction — a version registered since, or the newest one deleted since — would admit
 * what breaks or deny what does not. Never writes: dry-run requests and real ones have the same
 * (absent) side effects.
 */
public final class RegistryGateway implements AutoCloseable {
  private final URI url;
  private final SchemaRegistryClient client;
  private final SchemaParser parser;
  private final Duration timeout;
  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
  // Futures, so that concurrent reviews of one subject share one load (a cold cache under an
  // Argo CD sync must not send every request to the registry). After cacheTtl a history is
  // refreshed in the background while reviews go on using it (for at most STALE_FACTOR x TTL),
  // so an expiry never makes reviews wait on the registry. A load that fails completes with a
  // Failed outcome (not exceptionally, which Caffeine would log): a failed first load is evicted
  // at once, a failed refresh keeps the history it had.
  private static final int STALE_FACTOR = 6;
  private final AsyncLoadingCache<String, Outcome> histories;
  private final Cache<String, FreshnessProbe<Newest>> probes =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  private sealed interface Outcome {
    /** {@code newest}: the registry's newest version when loaded (version 0, id 0: none). */
    record Loaded(SubjectHistory history, Newest newest) implements Outcome {}

    record Failed(Throwable cause) implements Outcome {}
  }

  /** The identity of a subject's newest version: what a fresh history must end with. */
  private record Newest(int version, int id) {
    static final Newest NONE = new Newest(0, 0);

    static Newest of(Optional<RegisteredSchema> latest) {
      return latest.map(found -> new Newest(found.version(), found.id())).orElse(NONE);
    }
  }

  // A reload that another review started a moment earlier may still miss what the probe saw;
  // after this many reloads the history is loaded directly, outside the cache.
  private static final int MAX_RELOADS = 2;

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
    Caffeine<Object, Object> cache = Caffeine.newBuilder().maximumSize(10_000);
    if (cacheTtl.isZero()) {
      cache.expireAfterWrite(Duration.ZERO);
    } else {
      cache.refreshAfterWrite(cacheTtl).expireAfterWrite(cacheTtl.multipliedBy(STALE_FACTOR));
    }
    this.histories =
        cache.buildAsync(
            new AsyncCacheLoader<>() {
              @Override
              public CompletableFuture<Outcome> asyncLoad(String subject, Executor executor) {
                return loadOutcome(subject);
              }

              @Override
              public CompletableFuture<Outcome> asyncReload(
                  String subject, Outcome previous, Executor executor) {
                return loadOutcome(subject)
                    .thenApply(fresh -> fresh instanceof Outcome.Failed ? previous : fresh);
              }
            });
  }

  public URI url() {
    return url;
  }

  /**
   * The subject's registered versions, oldest first, parsed; empty for an unknown subject. Never
   * older than the registry's newest version at the time of the call (see the class comment).
   */
  public SubjectHistory history(String subject) throws WebhookException {
    for (int reloads = 0; ; reloads++) {
      CompletableFuture<Outcome> shared = histories.get(subject);
      Outcome.Loaded loaded = loaded(subject, shared);
      Newest newest = await(probes.get(subject, this::probe).request());
      if (loaded.newest().equals(newest)) {
        return loaded.history();
      }
      if (reloads == MAX_RELOADS) {
        Outcome direct = await(loadOutcome(subject));
        return loaded(subject, CompletableFuture.completedFuture(direct)).history();
      }
      // Replaces only the history this review found stale: concurrent reviews share one reload.
      histories.asMap().compute(subject, (key, now) -> now == shared ? loadOutcome(key) : now);
    }
  }

  private FreshnessProbe<Newest> probe(String subject) {
    return new FreshnessProbe<>(() -> bounded(() -> Newest.of(client.latest(subject))));
  }

  private Outcome.Loaded loaded(String subject, CompletableFuture<Outcome> shared)
      throws WebhookException {
    Outcome outcome = await(shared); // waiting with a deadline does not cancel the shared load
    return switch (outcome) {
      case Outcome.Loaded loaded -> loaded;
      case Outcome.Failed failed -> {
        histories.asMap().remove(subject, shared); // the next review asks the registry again
        throw failure(failed.cause());
      }
    };
  }

  private CompletableFuture<Outcome> loadOutcome(String subject) {
    return bounded(() -> load(subject), loadTimeout())
        .<Outcome>thenApply(loaded -> loaded)
        .exceptionally(Outcome.Failed::new);
  }

  /** The version numbers registered under {@code subject}; empty for an unknown subject. */
  public List<Integer> versions(String subject) throws WebhookException {
    return await(bounded(() -> client.versions(subject)));
  }

  /** The text of {@code subject} at {@code version}, if registered. */
  public Optional<String> schemaText(String subject, int version) throws WebhookException {
    return await(bounded(() -> client.version(subject, version).map(RegisteredSchema::schema)));
  }

  private Outcome.Loaded load(String subject) throws RegistryException {
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
    Newest newest =
        registered.isEmpty()
            ? Newest.NONE
            : Newest.of(client.version(subject, registered.getLast().version()));
    return new Outcome.Loaded(SubjectHistory.parse(parser, registered), newest);
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

  /**
   * A shared history load may outlive the review that started it: each review waits at most {@code
   * timeout}, but the load goes on (bounded more loosely) and fills the cache for the next one, so
   * a large history on a slow registry is not cut off again and again.
   */
  private Duration loadTimeout() {
    return timeout.multipliedBy(10);
  }

  private <T> CompletableFuture<T> bounded(Call<T> call) {
    return bounded(call, timeout);
  }

  private <T> CompletableFuture<T> bounded(Call<T> call, Duration bound) {
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
        .orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS);
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
    if (root instanceof RegistryException refused
        && refused.reason() == RegistryException.Reason.NOT_AUTHORIZED) {
      return new WebhookException(
          WebhookException.Reason.REGISTRY_NOT_AUTHORIZED,
          "registry " + url + ": " + refused.getMessage(),
          refused);
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
