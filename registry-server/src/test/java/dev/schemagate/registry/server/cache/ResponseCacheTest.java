package dev.schemagate.registry.server.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What a replica keeps of schemas by id when no invalidation reaches it: another replica's
 * permanent delete must not be served forever (no Redis; Redis away when it was announced is {@code
 * RedisCacheTest}'s).
 */
class ResponseCacheTest {
  private static final byte[] BODY =
      "{\"schema\":\"\\\"int\\\"\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldReloadASchemaByIdWithinAMinuteWithoutAnyInvalidation() {
    AtomicLong nanos = new AtomicLong();
    ResponseCache cache =
        new ResponseCache(new SharedCache.None(), new SimpleMeterRegistry(), nanos::get);
    cache.schemaById(7, () -> BODY);
    assertThat(cache.localSchemaById(7)).isPresent();
    nanos.addAndGet(ResponseCache.LOCAL_IMMUTABLE_TTL.plus(Duration.ofSeconds(1)).toNanos());
    assertThat(cache.localSchemaById(7)).isEmpty();
  }
}
