package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.platform.Restartable;
import dev.schemagate.chaos.spec.Stage;
import dev.schemagate.chaos.workload.Events;

/**
 * A dependency of the registry stops while one producer and one consumer run, and is started again
 * on the same data once the scale's fault time has passed (the Contain stage).
 */
abstract sealed class DependencyLost implements Experiment permits PostgresLost, RedisLost {
  private volatile long stoppedAtMs;

  /** The component this experiment stops. */
  abstract Restartable dependency(Run run);

  /** The timeline's words for the component coming back. */
  abstract String restored();

  @Override
  public void start(Run run) {
    run.producer("checkout", Events.SCHEMA_V1, false);
    run.member("payments-app-0", 0);
  }

  @Override
  public void inject(Run run) {
    dependency(run).stop();
    stoppedAtMs = run.timeline.nowMs();
  }

  @Override
  public void act(Run run, Stage stage) {
    if (stage == Stage.CONTAIN) {
      run.waitFor(
          () -> run.timeline.nowMs() - stoppedAtMs >= run.scale.faultFor().toMillis(),
          Long.MAX_VALUE);
      dependency(run).start();
      run.timeline.event("restored", restored());
    }
  }
}
