package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.spec.Stage;
import dev.schemagate.chaos.workload.Events;
import dev.schemagate.chaos.workload.GroupMember;
import java.util.Map;

/**
 * The group's only consumer slows to about half the produce rate; lag grows until the runbook adds
 * a second member, which takes over a partition, and lag falls back under the threshold.
 */
public final class ConsumerLag implements Experiment {
  private volatile GroupMember first;

  @Override
  public String name() {
    return "consumer-lag";
  }

  @Override
  public String hypothesis() {
    return "one consumer keeps the lag of payments-app under 40 records";
  }

  @Override
  public String fault() {
    return "the consumer slows to about three quarters of the produce rate";
  }

  @Override
  public void start(Run run) {
    run.producer("checkout", Events.SCHEMA_V1, false);
    first = run.member("payments-app-0", 0);
  }

  @Override
  public boolean steady(Map<String, Double> s) {
    return s.getOrDefault("consumer_lag", 1e9) < 40;
  }

  @Override
  public void inject(Run run) {
    // rate records/s over two partitions; this delay leaves capacity for ~75 % of them: one
    // consumer falls behind, and once a second takes a partition the slow one drains its own.
    first.slowDown(Math.round(1000 / (run.scale.rate() * 0.75)));
  }

  @Override
  public void act(Run run, Stage stage) {
    if (stage == Stage.ASSESS) {
      run.member("payments-app-1", 0);
      run.timeline.event("scaled", "payments-app scaled to 2 consumers");
    }
  }
}
