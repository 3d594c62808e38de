package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.platform.Restartable;
import java.util.Map;

/**
 * PostgreSQL stops under the running registry. Lookups of known schemas should still be answered
 * from the registry's caches; registrations should fail cleanly (503) and succeed again once the
 * database is back. Producers with cached ids keep going throughout.
 */
public final class PostgresLost extends DependencyLost {

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
  public boolean steady(Map<String, Double> s) {
    return s.getOrDefault("registry_up", 0.0) >= 1
        && s.getOrDefault("registry_write_ok", 0.0) >= 1
        && s.getOrDefault("consumer_lag", 1e9) < 40;
  }

  @Override
  public void measure(Run run, Map<String, Double> m) {
    m.putAll(WriteStatuses.measure(run));
  }

  @Override
  Restartable dependency(Run run) {
    return run.platform.postgres();
  }

  @Override
  String restored() {
    return "PostgreSQL started again on the same data";
  }
}
