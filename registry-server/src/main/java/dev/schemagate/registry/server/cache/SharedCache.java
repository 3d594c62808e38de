package dev.schemagate.registry.server.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cache shared by every replica (Redis), and the channel they tell each other about writes on.
 * Never the only copy: every failure is swallowed (and counted), and callers fall back to
 * PostgreSQL.
 */
public sealed interface SharedCache extends AutoCloseable permits RedisCache, SharedCache.None {

  Optional<byte[]> get(String key);

  void put(String key, byte[] value, Duration ttl);

  void delete(String key);

  /** Tells every replica (this one included) that {@code message} went stale. */
  void publish(String message);

  /** Starts delivering invalidation messages; {@code onResubscribe} runs after each (re)connect. */
  void listen(Consumer<String> onMessage, Runnable onResubscribe);

  @Override
  void close();

  /** No Redis configured: the in-process cache alone. */
  record None() implements SharedCache {
    @Override
    public Optional<byte[]> get(String key) {
      return Optional.empty();
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {}

    @Override
    public void delete(String key) {}

    @Override
    public void publish(String message) {}

    @Override
    public void listen(Consumer<String> onMessage, Runnable onResubscribe) {}

    @Override
    public void close() {}
  }
}
