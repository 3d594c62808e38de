package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * Two replicas sharing one PostgreSQL and one real Redis: writes on one invalidate "latest" on the
 * other through pub/sub, and a dead Redis costs nothing but a metric.
 */
class RedisCacheTest {
  private static RedisServer redis;
  private static int redisPort;
  private static RunningRegistry replicaA;
  private static RunningRegistry replicaB;
  private static Http a;
  private static Http b;

  @BeforeAll
  static void start() throws IOException {
    redisPort = freePort();
    redis = startRedis(redisPort);
    String redisUrl = "redis://127.0.0.1:" + redisPort;
    DatabaseConfig database = SharedPostgres.database();
    replicaA = RegistryConfig.forTests().database(database).redisUrl(redisUrl).start();
    replicaB = RegistryConfig.forTests().database(database).redisUrl(redisUrl).start();
    a = new Http(replicaA.url());
    b = new Http(replicaB.url());
  }

  @AfterAll
  static void stop() throws IOException {
    replicaA.close();
    replicaB.close();
    if (redis.isActive()) {
      redis.stop();
    }
  }

  @Test
  void shouldShareCachedSchemasAndInvalidateLatestOnOtherReplicasAndSurviveRedisDeath()
      throws IOException {
    String subject = "redis-" + System.nanoTime();
    int v1 = register(a, subject, 1);
    assertThat(latestId(b, subject)).isEqualTo(v1);
    assertThat(a.get("/schemas/ids/" + v1).status()).isEqualTo(200);
    // B never loaded this id from PostgreSQL itself: the shared tier answers.
    assertThat(b.get("/schemas/ids/" + v1).status()).isEqualTo(200);
    assertThat(counter(replicaB, "schemagate.cache.lookups", "tier", "shared")).isPositive();

    int v2 = register(a, subject, 2);
    // Well inside the local 5 s safety TTL: only the pub/sub message can explain it.
    await().atMost(Duration.ofSeconds(4)).until(() -> latestId(b, subject) == v2);

    // A schema B holds by id, deleted permanently on A while Redis is away (announcement lost).
    String gone = "redis-gone-" + System.nanoTime();
    int goneId = register(a, gone, 1);
    assertThat(b.get("/schemas/ids/" + goneId).status()).isEqualTo(200);

    redis.stop();
    assertThat(a.delete("/subjects/" + gone).status()).isEqualTo(200);
    assertThat(a.delete("/subjects/" + gone + "?permanent=true").status()).isEqualTo(200);
    int v3 = register(a, subject, 3);
    assertThat(latestId(a, subject)).isEqualTo(v3);
    assertThat(b.get("/schemas/ids/" + v3).status()).isEqualTo(200);
    assertThat(b.get("/schemas/ids/" + v1).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> latestId(b, subject) == v3);
    assertThat(counter(replicaA, "schemagate.redis.errors")).isPositive();
    assertThat(a.get("/metrics").body()).contains("schemagate_redis_errors_total");

    redis = startRedis(redisPort);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              a.get("/schemas/ids/" + v1);
              b.get("/schemas/ids/" + v2);
              assertThat(gauge(replicaA, "schemagate.redis.up")).isEqualTo(1.0);
              assertThat(gauge(replicaB, "schemagate.redis.up")).isEqualTo(1.0);
            });
    // Invalidation flows again once both subscribers are back.
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              String probe = "redis-probe-" + System.nanoTime();
              register(a, probe, 1);
              assertThat(latestId(b, probe)).isPositive();
              int next = register(a, probe, 2);
              assertThat(latestId(b, probe)).isEqualTo(next);
            });
    // Back on Redis, B dropped what it may have missed: the deleted schema is gone there too.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> b.get("/schemas/ids/" + goneId).status() == 404);
  }

  private static int register(Http http, String subject, int fields) {
    Http.Response response =
        http.post(
            "/subjects/" + subject + "/versions",
            Http.body(Schemas.avroRecord("Redis" + Math.abs(subject.hashCode()), fields)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("id").asInt();
  }

  private static int latestId(Http http, String subject) {
    Http.Response response = http.get("/subjects/" + subject + "/versions/latest");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("id").asInt();
  }

  private static double counter(RunningRegistry registry, String name, String... tags) {
    MeterRegistry metrics = registry.context().metrics();
    return metrics.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private static double gauge(RunningRegistry registry, String name) {
    return registry.context().metrics().get(name).gauge().value();
  }

  private static RedisServer startRedis(int port) throws IOException {
    RedisServer server =
        RedisServer.newRedisServer()
            .port(port)
            .setting("bind 127.0.0.1")
            .setting("save \"\"")
            .build();
    server.start();
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
