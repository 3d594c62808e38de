package dev.schemagate.chaos.run;

import dev.schemagate.chaos.spec.RunbookStage;
import dev.schemagate.chaos.spec.Scenario;
import dev.schemagate.chaos.spec.Stage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Samples the signals at a fixed interval into the timeline and, once the fault is injected, marks
 * each runbook stage in order when its signal fires — then hands the stage to the experiment, which
 * takes the stage's action. A stage is only looked for once the one before it was reached.
 */
public final class StageTracker implements AutoCloseable {
  private final Timeline timeline;
  private final Signals signals;
  private final Scenario scenario;
  private final Consumer<Stage> onStage;
  private final Consumer<String> progress;
  private final ScheduledFuture<?> task;
  private final Map<String, Double> previous = new java.util.HashMap<>();
  private long previousAt = -1;
  private volatile boolean armed;
  private int next;

  public StageTracker(
      Timeline timeline,
      Signals signals,
      Scenario scenario,
      ScheduledExecutorService scheduler,
      long intervalMs,
      Consumer<Stage> onStage,
      Consumer<String> progress) {
    this.timeline = timeline;
    this.signals = signals;
    this.scenario = scenario;
    this.onStage = onStage;
    this.progress = progress;
    this.task = scheduler.scheduleAtFixedRate(this::tick, 0, intervalMs, TimeUnit.MILLISECONDS);
  }

  /** From now on stages are looked for (call right after injecting the fault). */
  public void arm() {
    armed = true;
  }

  public boolean finished() {
    synchronized (this) {
      return next >= Stage.values().length;
    }
  }

  public Optional<Stage> awaiting() {
    synchronized (this) {
      return next < Stage.values().length ? Optional.of(Stage.values()[next]) : Optional.empty();
    }
  }

  private synchronized void tick() {
    try {
      // Read before the clock: a sample taken while the fault was being injected carries a time
      // from before the fault, and must not mark a stage (it would land at a negative offset).
      boolean afterFault = armed;
      long now = timeline.nowMs();
      Map<String, Double> values = signals.read();
      Map<String, Double> withRates = new java.util.TreeMap<>(values);
      if (previousAt >= 0 && now > previousAt) {
        double seconds = (now - previousAt) / 1000.0;
        for (String counter : java.util.List.of("produced", "consumed", "dead_lettered")) {
          double delta = values.getOrDefault(counter, 0.0) - previous.getOrDefault(counter, 0.0);
          withRates.put(counter + "_rate", delta / seconds);
        }
        withRates.put(
            "throughput_deficit", withRates.get("produced_rate") - withRates.get("consumed_rate"));
      }
      // Rates over at least a second, so one slow poll does not look like an outage.
      if (previousAt < 0 || now - previousAt >= 1000) {
        previous.clear();
        previous.putAll(values);
        previousAt = now;
      }
      timeline.sample(new Timeline.Sample(now, withRates));
      if (!afterFault) {
        return;
      }
      while (next < Stage.values().length) {
        RunbookStage stage = scenario.stages().get(next);
        if (!stage.signal().firesOn(withRates)) {
          break;
        }
        double value = withRates.get(stage.signal().metric());
        timeline.mark(new Timeline.StageMark(stage.stage(), now, stage.signal().toString(), value));
        progress.accept(
            "  %-11s at %6.1fs  (%s, measured %s)"
                .formatted(
                    stage.stage().label(),
                    now / 1000.0,
                    stage.signal(),
                    dev.schemagate.chaos.spec.Numbers.plain(value)));
        next++;
        onStage.accept(stage.stage());
        break; // one stage per sample: the next stage's signal is judged on fresh values
      }
    } catch (RuntimeException e) {
      timeline.event("error", "signal sampling failed: " + e);
    }
  }

  @Override
  public void close() {
    task.cancel(false);
  }
}
