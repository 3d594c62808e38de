package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.spec.Stage;
import dev.schemagate.chaos.workload.Events;
import java.util.Map;

/**
 * Redis, the registry's shared cache, stops. The registry should notice (its own {@code
 * schemagate_redis_up} gauge), keep answering from PostgreSQL, and use Redis again when it is back.
 */
public final class RedisLost implements Experiment {
  private volatile long stoppedAtMs;

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
  public void start(Run run) {
    run.producer("checkout", Events.SCHEMA_V1, false);
    run.member("payments-app-0", 0);
  }

  @Override
  public boolean steady(Map<String, Double> s) {
    return s.getOrDefault("registry_up", 0.0) >= 1
        && s.getOrDefault("redis_up", 0.0) >= 1
        && s.getOrDefault("consumer_lag", 1e9) < 40;
  }

  @Override
  public void inject(Run run) {
    run.platform.redis().stop();
    stoppedAtMs = run.timeline.nowMs();
  }

  @Override
  public void act(Run run, Stage stage) {
    if (stage == Stage.CONTAIN) {
      run.waitFor(
          () -> run.timeline.nowMs() - stoppedAtMs >= run.scale.faultFor().toMillis(),
          Long.MAX_VALUE);
      run.platform.redis().start();
      run.timeline.event("restored", "Redis started again");
    }
  }
}
