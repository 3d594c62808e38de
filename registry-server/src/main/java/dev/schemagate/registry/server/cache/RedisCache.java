package dev.schemagate.registry.server.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Redis as the shared cache (Jedis 8). A failed call marks Redis down for a short back-off so a
 * dead Redis costs requests nothing; the subscriber thread reconnects on its own and the caller is
 * told to drop what it may have missed.
 */
public final class RedisCache implements SharedCache {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCache.class);
  static final String PREFIX = "schemagate:";
  static final String CHANNEL = "schemagate:invalidate";
  private static final long BACKOFF_NANOS = Duration.ofSeconds(1).toNanos();

  private final RedisClient client;
  private final Counter errors;
  private final AtomicLong downUntil = new AtomicLong(System.nanoTime());
  private final AtomicBoolean up = new AtomicBoolean(true);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile JedisPubSub subscription;
  private volatile Thread subscriber;

  public RedisCache(URI url, MeterRegistry metrics) {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(500)
            .socketTimeoutMillis(500)
            .clientName("schemagate-registry");
    String userInfo = url.getUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        if (colon > 0) {
          config.user(userInfo.substring(0, colon));
        }
        config.password(userInfo.substring(colon + 1));
      } else {
        config.password(userInfo);
      }
    }
    this.client =
        RedisClient.builder()
            .hostAndPort(url.getHost(), url.getPort() > 0 ? url.getPort() : 6379)
            .clientConfig(config.build())
            .build();
    this.errors =
        Counter.builder("schemagate.redis.errors")
            .description("Redis calls that failed; the registry answered from PostgreSQL")
            .register(metrics);
    Gauge.builder("schemagate.redis.up", up, u -> u.get() ? 1 : 0)
        .description("1 while the last Redis call succeeded")
        .register(metrics);
  }

  @Override
  public Optional<byte[]> get(String key) {
    if (isBackingOff()) {
      return Optional.empty();
    }
    try {
      byte[] value = client.get(bytes(key));
      healthy();
      return Optional.ofNullable(value);
    } catch (RuntimeException e) {
      failed("get", e);
      return Optional.empty();
    }
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    if (isBackingOff()) {
      return;
    }
    try {
      client.set(bytes(key), value, SetParams.setParams().px(ttl.toMillis()));
      healthy();
    } catch (RuntimeException e) {
      failed("set", e);
    }
  }

  @Override
  public void delete(String key) {
    // Deletes are tried even while backing off: a stale shared entry is worse than a slow write.
    try {
      client.del(bytes(key));
      healthy();
    } catch (RuntimeException e) {
      failed("del", e);
    }
  }

  @Override
  public void publish(String message) {
    try {
      client.publish(CHANNEL, message);
      healthy();
    } catch (RuntimeException e) {
      failed("publish", e);
    }
  }

  @Override
  public void listen(Consumer<String> onMessage, Runnable onResubscribe) {
    Thread thread =
        Thread.ofPlatform()
            .daemon()
            .name("schemagate-redis-subscriber")
            .start(() -> subscribeLoop(onMessage, onResubscribe));
    subscriber = thread;
  }

  private void subscribeLoop(Consumer<String> onMessage, Runnable onResubscribe) {
    long backoffMillis = 100;
    while (!closed.get()) {
      JedisPubSub pubSub =
          new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int subscribedChannels) {
              healthy();
              onResubscribe.run();
            }

            @Override
            public void onMessage(String channel, String message) {
              onMessage.accept(message);
            }
          };
      subscription = pubSub;
      try {
        client.subscribe(pubSub, CHANNEL);
        backoffMillis = 100;
      } catch (RuntimeException e) {
        if (closed.get()) {
          return;
        }
        failed("subscribe", e);
        // Messages may be lost while disconnected: the reconnect handler drops volatile entries.
        onResubscribe.run();
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoffMillis = Math.min(backoffMillis * 2, 2_000);
      }
    }
  }

  private boolean isBackingOff() {
    return System.nanoTime() - downUntil.get() < 0;
  }

  private void healthy() {
    if (up.compareAndSet(false, true)) {
      LOG.info("Redis is answering again");
    }
  }

  private void failed(String operation, RuntimeException e) {
    errors.increment();
    downUntil.set(System.nanoTime() + BACKOFF_NANOS);
    if (up.compareAndSet(true, false)) {
      LOG.warn(
          "Redis {} failed, answering from PostgreSQL until it returns: {}",
          operation,
          e.toString());
    }
  }

  private static byte[] bytes(String key) {
    return (PREFIX + key).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closed.set(true);
    JedisPubSub pubSub = subscription;
    if (pubSub != null) {
      try {
        pubSub.unsubscribe();
      } catch (RuntimeException ignored) {
        // not subscribed, or the connection is already gone
      }
    }
    Thread thread = subscriber;
    if (thread != null) {
      thread.interrupt();
    }
    client.close();
  }
}
