package dev.schemagate.chaos.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.chaos.spec.Runbook;
import dev.schemagate.chaos.spec.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Stages are marked only after the fault, in order, each by its own signal on fresh values. */
class StageTrackerTest {
  private final Timeline timeline = new Timeline();
  private final Signals signals = new Signals();
  private final List<Stage> handed = new CopyOnWriteArrayList<>();

  @Test
  void shouldMarkStagesInOrderOnlyOnceArmedAndOnlyWhenTheirSignalFires() throws Exception {
    var scenario = Runbook.load(Path.of("runbook.yaml")).scenario("consumer-lag").orElseThrow();
    var scheduler = Executors.newSingleThreadScheduledExecutor();
    signals.set("consumer_lag", 100); // detect's signal holds already, but the fault is not in
    signals.set("group_members", 1);
    try (var tracker =
        new StageTracker(timeline, signals, scenario, scheduler, 20, handed::add, line -> {})) {
      Awaitility.await().until(() -> timeline.samples().size() >= 5);
      assertThat(timeline.stages()).as("nothing before the fault").isEmpty();

      tracker.arm();
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> handed.contains(Stage.DETECT));
      // assess needs a throughput deficit: produced faster than consumed.
      for (int i = 0; i < 10 && !handed.contains(Stage.ASSESS); i++) {
        signals.add("produced", 50);
        Awaitility.await().pollDelay(Duration.ofMillis(100)).until(() -> true);
      }
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> handed.contains(Stage.ASSESS));
      assertThat(handed)
          .as("contain waits for a second member")
          .containsExactly(Stage.DETECT, Stage.ASSESS);

      signals.set("group_members", 2);
      signals.set("consumer_lag", 10); // recover's signal may fire right after contain's
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> handed.contains(Stage.RECOVER));
      assertThat(handed).containsExactly(Stage.DETECT, Stage.ASSESS, Stage.CONTAIN, Stage.RECOVER);
      assertThat(tracker.awaiting()).contains(Stage.POST_MORTEM);

      signals.set("stable_seconds", 3);
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(tracker::finished);
      var marks = timeline.stages();
      assertThat(marks).extracting(Timeline.StageMark::stage).containsExactly(Stage.values());
      for (int i = 1; i < marks.size(); i++) {
        // Not strictly later: a fixed-rate scheduler that fell behind runs its late samples back
        // to back, within one millisecond (seen on a loaded CI machine).
        assertThat(marks.get(i).atMs())
            .as("in time order")
            .isGreaterThanOrEqualTo(marks.get(i - 1).atMs());
      }
      assertThat(marks.getFirst().signal()).isEqualTo("consumer_lag > 60");
      assertThat(marks.getFirst().value()).isEqualTo(100);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void shouldNotMarkAStageWithATimeFromBeforeTheFaultWhenTheFaultLandsMidSample() throws Exception {
    var scenario = Runbook.load(Path.of("runbook.yaml")).scenario("consumer-lag").orElseThrow();
    var scheduler = Executors.newSingleThreadScheduledExecutor();
    var trackerRef = new AtomicReference<StageTracker>();
    var injectNow = new AtomicBoolean();
    // The fault is injected while a sample is being read, after that sample took its time: the
    // race that once put "detect" 18 ms before the fault in a CI run.
    signals.gauge(
        "consumer_lag",
        () -> {
          if (injectNow.compareAndSet(true, false)) {
            Awaitility.await().pollDelay(Duration.ofMillis(5)).until(() -> true);
            timeline.event("fault", "injected mid-sample");
            trackerRef.get().arm();
          }
          return 100;
        });
    signals.set("group_members", 1);
    try (var tracker =
        new StageTracker(timeline, signals, scenario, scheduler, 20, handed::add, line -> {})) {
      trackerRef.set(tracker);
      Awaitility.await().until(() -> timeline.samples().size() >= 2);
      injectNow.set(true);
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> handed.contains(Stage.DETECT));
      long fault = timeline.first("fault").orElseThrow().atMs();
      assertThat(timeline.stage(Stage.DETECT).orElseThrow().atMs())
          .as("detect is marked at or after the fault")
          .isGreaterThanOrEqualTo(fault);
    } finally {
      scheduler.shutdownNow();
    }
  }
}
