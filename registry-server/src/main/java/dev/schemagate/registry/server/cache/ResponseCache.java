package dev.schemagate.registry.server.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.schemagate.registry.server.registry.ChangeListener;
import dev.schemagate.registry.server.registry.RegistryServerException;
import dev.schemagate.registry.server.registry.StoredSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pre-serialised response bodies for the hottest reads: by id and by fingerprint (immutable until a
 * permanent delete) and each subject's latest version (changes with every write). Two tiers:
 * Caffeine in this process, then the shared cache; PostgreSQL behind both. Writes invalidate both
 * tiers here and, through the shared cache's channel, on every other replica.
 */
public final class ResponseCache implements ChangeListener, AutoCloseable {
  /** Bounds how long a replica may serve a stale "latest" if an invalidation message is lost. */
  static final Duration LOCAL_LATEST_TTL = Duration.ofSeconds(5);

  /**
   * Bounds how long a replica may serve a schema by id or fingerprint that another replica deleted
   * permanently when no invalidation reaches it (no Redis, which the Helm chart allows with several
   * replicas, or a message lost while Redis was away). A reload a minute per hot id costs nothing.
   */
  static final Duration LOCAL_IMMUTABLE_TTL = Duration.ofMinutes(1);

  static final Duration SHARED_LATEST_TTL = Duration.ofSeconds(10);
  static final Duration SHARED_IMMUTABLE_TTL = Duration.ofHours(1);

  // Bounded by bytes, not entries: 100,000 entries of 50 KiB schemas would be 5 GiB of heap. At
  // the few hundred bytes of a typical body these still hold over 100,000 entries each.
  static final long IMMUTABLE_BYTES = 64L << 20;
  static final long LATEST_BYTES = 48L << 20;

  private final Cache<String, byte[]> immutable;
  private final Cache<String, byte[]> latest;
  // Each subject's last "latest" body, kept past the short TTL and dropped only by a write or an
  // invalidation: what a read gets while PostgreSQL is unreachable, instead of an outage.
  private final Cache<String, byte[]> lastKnown;
  private final SharedCache shared;
  private final Counter localHits;
  private final Counter sharedHits;
  private final Counter misses;
  private final Counter staleHits;

  public ResponseCache(SharedCache shared, MeterRegistry metrics) {
    this(shared, metrics, Ticker.systemTicker());
  }

  ResponseCache(SharedCache shared, MeterRegistry metrics, Ticker ticker) {
    this.shared = shared;
    this.immutable =
        Caffeine.newBuilder()
            .maximumWeight(IMMUTABLE_BYTES)
            .weigher(ResponseCache::weight)
            .expireAfterWrite(LOCAL_IMMUTABLE_TTL)
            .ticker(ticker)
            .recordStats()
            .build();
    this.latest =
        Caffeine.newBuilder()
            .maximumWeight(LATEST_BYTES)
            .weigher(ResponseCache::weight)
            .expireAfterWrite(LOCAL_LATEST_TTL)
            .ticker(ticker)
            .recordStats()
            .build();
    this.lastKnown =
        Caffeine.newBuilder().maximumWeight(LATEST_BYTES).weigher(ResponseCache::weight).build();
    CaffeineCacheMetrics.monitor(metrics, immutable, "schemagate.immutable");
    CaffeineCacheMetrics.monitor(metrics, latest, "schemagate.latest");
    this.localHits = lookups(metrics, "local", "hit");
    this.sharedHits = lookups(metrics, "shared", "hit");
    this.misses = lookups(metrics, "all", "miss");
    this.staleHits = lookups(metrics, "last-known", "hit");
    shared.listen(
        this::onInvalidation,
        () -> {
          // Messages may have been missed while disconnected, permanent deletes among them.
          immutable.invalidateAll();
          latest.invalidateAll();
          lastKnown.invalidateAll();
        });
  }

  /** Roughly the heap an entry holds: the body, the key's characters, Caffeine's node. */
  private static int weight(String key, byte[] body) {
    return body.length + 2 * key.length() + 96;
  }

  private static Counter lookups(MeterRegistry metrics, String tier, String result) {
    return Counter.builder("schemagate.cache.lookups")
        .description("cached response lookups by tier and result (hit ratio = hits / all)")
        .tag("tier", tier)
        .tag("result", result)
        .register(metrics);
  }

  /**
   * The body for {@code GET /schemas/ids/{id}} if this replica holds it, without going further (the
   * shared cache and PostgreSQL are for the full route): the fast path's only question.
   */
  public Optional<byte[]> localSchemaById(int id) {
    return local(immutable, "id:" + id);
  }

  /** The subject's latest body if this replica holds a fresh one (see {@link #localSchemaById}). */
  public Optional<byte[]> localLatest(String subject) {
    return local(latest, "latest:" + subject);
  }

  private Optional<byte[]> local(Cache<String, byte[]> cache, String key) {
    byte[] body = cache.getIfPresent(key);
    if (body == null) {
      return Optional.empty();
    }
    localHits.increment();
    return Optional.of(body);
  }

  public byte[] schemaById(int id, Supplier<byte[]> load) {
    return get(immutable, "id:" + id, SHARED_IMMUTABLE_TTL, load);
  }

  public byte[] schemaByFingerprint(String fingerprint, Supplier<byte[]> load) {
    return get(immutable, "fp:" + fingerprint, SHARED_IMMUTABLE_TTL, load);
  }

  /**
   * The subject's latest version; when the store cannot be reached, the last body this replica
   * served for it (a write to the subject, here or on another replica, drops that copy).
   */
  public byte[] latest(String subject, Supplier<byte[]> load) {
    String key = "latest:" + subject;
    try {
      byte[] body = get(latest, key, SHARED_LATEST_TTL, load);
      lastKnown.put(key, body);
      return body;
    } catch (RegistryServerException e) {
      byte[] stale = e.reason().httpStatus() == 503 ? lastKnown.getIfPresent(key) : null;
      if (stale == null) {
        throw e;
      }
      staleHits.increment();
      return stale;
    }
  }

  private byte[] get(Cache<String, byte[]> local, String key, Duration ttl, Supplier<byte[]> load) {
    byte[] body = local.getIfPresent(key);
    if (body != null) {
      localHits.increment();
      return body;
    }
    Optional<byte[]> fromShared = shared.get(key);
    if (fromShared.isPresent()) {
      sharedHits.increment();
      local.put(key, fromShared.get());
      return fromShared.get();
    }
    misses.increment();
    body = load.get();
    local.put(key, body);
    shared.put(key, body, ttl);
    return body;
  }

  @Override
  public void subjectChanged(String subject) {
    String key = "latest:" + subject;
    latest.invalidate(key);
    lastKnown.invalidate(key);
    shared.delete(key);
    shared.publish(key);
  }

  @Override
  public void schemasRemoved(Collection<StoredSchema> schemas) {
    for (StoredSchema schema : schemas) {
      for (String key : new String[] {"id:" + schema.id(), "fp:" + schema.fingerprint()}) {
        immutable.invalidate(key);
        shared.delete(key);
        shared.publish(key);
      }
    }
  }

  private void onInvalidation(String key) {
    immutable.invalidate(key);
    latest.invalidate(key);
    lastKnown.invalidate(key);
  }

  @Override
  public void close() {
    shared.close();
  }
}
