package dev.schemagate.chaos.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything an experiment breaks, started fresh for each one: Kafka, PostgreSQL, Redis and the
 * registry jar on top of them, all on loopback ports and under one temporary directory.
 */
public final class Platform implements AutoCloseable {
  public static final Duration REGISTRY_START = Duration.ofSeconds(90);

  /** Lookups that bring the first registry process into service before the experiments. */
  static final int WARM_UP_LOOKUPS = 2_000;

  private final KafkaBroker kafka;
  private final Postgres postgres;
  private final Redis redis;
  private final RegistryProcess registry;

  private Platform(KafkaBroker kafka, Postgres postgres, Redis redis, RegistryProcess registry) {
    this.kafka = kafka;
    this.postgres = postgres;
    this.redis = redis;
    this.registry = registry;
  }

  public static Platform start(Path registryJar, Path workDir) throws Exception {
    Files.createDirectories(workDir);
    Postgres postgres = new Postgres(workDir.resolve("postgres"));
    Redis redis = new Redis();
    KafkaBroker kafka = null;
    try {
      postgres.start();
      redis.start();
      kafka = KafkaBroker.start(Files.createDirectories(workDir.resolve("kafka")));
      var registry =
          new RegistryProcess(
              registryJar,
              workDir.resolve("registry.log"),
              Map.of(
                  "SCHEMAGATE_DB_URL", postgres.jdbcUrl(),
                  "SCHEMAGATE_DB_USER", "postgres",
                  "SCHEMAGATE_DB_PASSWORD", "",
                  "SCHEMAGATE_REDIS_URL", redis.url(),
                  "SCHEMAGATE_LOG_LEVEL", "WARN"));
      registry.start(REGISTRY_START);
      registry.warmUp(WARM_UP_LOOKUPS);
      return new Platform(kafka, postgres, redis, registry);
    } catch (Exception | Error e) {
      if (kafka != null) {
        kafka.close();
      }
      redis.close();
      postgres.close();
      throw e;
    }
  }

  public KafkaBroker kafka() {
    return kafka;
  }

  public Postgres postgres() {
    return postgres;
  }

  public Redis redis() {
    return redis;
  }

  public RegistryProcess registry() {
    return registry;
  }

  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      try {
        kafka.close();
      } finally {
        redis.close();
        postgres.close();
      }
    }
  }
}
