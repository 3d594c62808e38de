package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.spec.Stage;
import dev.schemagate.chaos.workload.Events;
import java.util.Map;

/**
 * PostgreSQL stops under the running registry. Lookups of known schemas should still be answered
 * from the registry's caches; registrations should fail cleanly (503) and succeed again once the
 * database is back. Producers with cached ids keep going throughout.
 */
public final class PostgresLost implements Experiment {
  private volatile long stoppedAtMs;

  @Override
  public String name() {
    return "postgres-lost";
  }

  @Override
  public String hypothesis() {
    return "the registry answers lookups and registrations; the group keeps up";
  }

  @Override
  public String fault() {
    return "PostgreSQL under the registry stopped";
  }

  @Override
  public boolean probesWrites() {
    return true;
  }

  @Override
  public void start(Run run) {
    run.producer("checkout", Events.SCHEMA_V1, false);
    run.member("payments-app-0", 0);
  }

  @Override
  public boolean steady(Map<String, Double> s) {
    return s.getOrDefault("registry_up", 0.0) >= 1
        && s.getOrDefault("registry_write_ok", 0.0) >= 1
        && s.getOrDefault("consumer_lag", 1e9) < 40;
  }

  @Override
  public void inject(Run run) {
    run.platform.postgres().stop();
    stoppedAtMs = run.timeline.nowMs();
  }

  @Override
  public void act(Run run, Stage stage) {
    if (stage == Stage.CONTAIN) {
      run.waitFor(
          () -> run.timeline.nowMs() - stoppedAtMs >= run.scale.faultFor().toMillis(),
          Long.MAX_VALUE);
      run.platform.postgres().start();
      run.timeline.event("restored", "PostgreSQL started again on the same data");
    }
  }

  @Override
  public void measure(Run run, Map<String, Double> m) {
    m.putAll(WriteStatuses.measure(run));
  }
}
