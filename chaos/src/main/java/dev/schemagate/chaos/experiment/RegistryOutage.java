package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.platform.Platform;
import dev.schemagate.chaos.spec.Stage;
import dev.schemagate.chaos.workload.Events;
import dev.schemagate.chaos.workload.RateProducer;
import java.util.Map;

/**
 * The registry JVM is SIGKILLed mid-stream. {@code checkout} (schema cached) keeps producing and
 * the group keeps consuming it; {@code mobile} had cached a newer schema the consumers have not
 * seen, so they retry, then dead-letter those records with reason REGISTRY_UNAVAILABLE; {@code
 * partner}, deployed during the outage, needs a schema nobody cached and retries within its bound.
 * The registry restarts on the same PostgreSQL data and the DLQ is replayed.
 */
public final class RegistryOutage implements Experiment {
  private volatile RateProducer mobile;
  private volatile long killedAtMs;

  @Override
  public String name() {
    return "registry-outage";
  }

  @Override
  public String hypothesis() {
    return "the registry answers lookups, nothing is dead-lettered, the group keeps up";
  }

  @Override
  public String fault() {
    return "registry JVM killed with SIGKILL";
  }

  @Override
  public void start(Run run) {
    run.producer("checkout", Events.SCHEMA_V1, false);
    mobile = run.producer("mobile", Events.SCHEMA_V2, true).cacheSchema();
    run.member("payments-app-0", 0);
  }

  @Override
  public boolean steady(Map<String, Double> s) {
    return s.getOrDefault("registry_up", 0.0) >= 1
        && s.getOrDefault("dead_lettered", 0.0) == 0
        && s.getOrDefault("consumer_lag", 1e9) < 40;
  }

  @Override
  public void inject(Run run) {
    run.platform.registry().kill();
    killedAtMs = run.timeline.nowMs();
    mobile.resume();
    run.producer("partner", Events.SCHEMA_V3, false);
  }

  @Override
  public void act(Run run, Stage stage) {
    switch (stage) {
      case CONTAIN -> {
        // The outage lasts at least the scale's fault duration, then the registry is restarted.
        run.waitFor(
            () -> run.timeline.nowMs() - killedAtMs >= run.scale.faultFor().toMillis(),
            Long.MAX_VALUE);
        run.platform.registry().start(Platform.REGISTRY_START);
        run.timeline.event("restored", "registry restarted on the same PostgreSQL data");
      }
      case RECOVER -> run.replay();
      default -> {}
    }
  }

  @Override
  public void measure(Run run, Map<String, Double> m) {
    m.put("uncached_schema_failures", run.signals.count("uncached_schema_failures"));
    m.put("consumer_registry_retries", run.signals.count("consumer_registry_retries"));
    m.put("lookup_p95_after_restart_ms", run.probe().lookupP95AfterRestartMs());
  }
}
