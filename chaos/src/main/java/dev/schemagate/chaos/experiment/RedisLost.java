package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.platform.Restartable;
import java.util.Map;

/**
 * Redis, the registry's shared cache, stops. The registry should notice (its own {@code
 * schemagate_redis_up} gauge), keep answering from PostgreSQL, and use Redis again when it is back.
 */
public final class RedisLost extends DependencyLost {

  @Override
  public String name() {
    return "redis-lost";
  }

  @Override
  public String hypothesis() {
    return "the registry answers lookups with Redis up; the group keeps up";
  }

  @Override
  public String fault() {
    return "Redis stopped";
  }

  @Override
  public boolean steady(Map<String, Double> s) {
    return s.getOrDefault("registry_up", 0.0) >= 1
        && s.getOrDefault("redis_up", 0.0) >= 1
        && s.getOrDefault("consumer_lag", 1e9) < 40;
  }

  @Override
  Restartable dependency(Run run) {
    return run.platform.redis();
  }

  @Override
  String restored() {
    return "Redis started again";
  }
}
