package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.platform.Platform;
import dev.schemagate.chaos.run.Signals;
import dev.schemagate.chaos.run.StageTracker;
import dev.schemagate.chaos.run.Timeline;
import dev.schemagate.chaos.spec.Scenario;
import dev.schemagate.chaos.spec.Stage;
import dev.schemagate.chaos.workload.Events;
import dev.schemagate.chaos.workload.GroupMember;
import dev.schemagate.chaos.workload.Ledger;
import dev.schemagate.chaos.workload.RateProducer;
import dev.schemagate.chaos.workload.RegistryProbe;
import dev.schemagate.chaos.workload.Topics;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.sdk.dlq.DlqHeaders;
import dev.schemagate.sdk.dlq.DlqReplayer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One experiment's run on a fresh platform: the workload (SDK producers and a DLQ consumer group on
 * {@code payments}), the signals, the stage tracker, and at the end the verification by record keys
 * — every key produced is handled exactly once or parked in the DLQ with its reason.
 */
public final class Run implements AutoCloseable {
  public static final String TOPIC = "payments";
  public static final String DLQ = "payments.dlq";
  public static final String GROUP = "payments-app";
  static final long SAMPLE_MS = 250;

  final Experiment experiment;
  final Scenario scenario;
  final Platform platform;
  final Scale scale;
  final Timeline timeline = new Timeline();
  final Signals signals = new Signals();
  final Ledger ledger = new Ledger();
  final Topics topics;
  final List<RateProducer> producers = new CopyOnWriteArrayList<>();
  final List<GroupMember> members = new CopyOnWriteArrayList<>();
  final List<String> notes = new CopyOnWriteArrayList<>();
  final List<AutoCloseable> closeLater = new CopyOnWriteArrayList<>();
  private final Consumer<String> progress;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final ExecutorService actions = Executors.newSingleThreadExecutor();
  private final SchemaRegistryClient client;
  private RegistryProbe probe;
  private StageTracker tracker;
  private volatile long lastUnsteadyMs;
  private int v1Id;
  private long replayed;

  Run(
      Experiment experiment,
      Scenario scenario,
      Platform platform,
      Scale scale,
      Consumer<String> progress) {
    this.experiment = experiment;
    this.scenario = scenario;
    this.platform = platform;
    this.scale = scale;
    this.progress = progress;
    this.topics = new Topics(platform.kafka().bootstrapServers());
    this.client = SchemaRegistryClient.builder(platform.registry().url()).build();
  }

  ExperimentResult execute() throws Exception {
    platform.kafka().createTopics(2, TOPIC, DLQ);
    client.setCompatibility(TOPIC + "-value", CompatibilityLevel.NONE);
    v1Id =
        client.register(
            TOPIC + "-value", SchemaSubmission.of(SchemaFormat.JSON, Events.SCHEMA_V1), false);
    probe =
        new RegistryProbe(
            timeline::nowMs,
            platform.registry().url(),
            v1Id,
            experiment.probesWrites(),
            signals,
            scheduler,
            SAMPLE_MS,
            platform.registry()::restartedAtNanos);
    signals.gauge("consumer_lag", () -> topics.lag(GROUP, TOPIC));
    signals.gauge("group_members", () -> topics.members(GROUP));
    signals.gauge(
        "producer_pending", () -> producers.stream().mapToLong(RateProducer::pending).sum());
    signals.gauge("stable_seconds", () -> (timeline.nowMs() - lastUnsteadyMs) / 1000.0);
    tracker =
        new StageTracker(
            timeline, signals, scenario, scheduler, SAMPLE_MS, this::onStage, progress);
    scheduler.scheduleAtFixedRate(
        this::watchSteadiness, SAMPLE_MS, SAMPLE_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    experiment.start(this);
    long limitAt = timeline.nowMs() + scale.limit().toMillis();
    boolean steady =
        waitFor(
            () ->
                timeline.nowMs() >= scale.steady().toMillis()
                    && ledger.handledCount() >= scale.rate() // records flow end to end
                    && stableFor(1000),
            limitAt);
    timeline.event(
        "steady",
        steady ? "steady state held: " + experiment.hypothesis() : "steady state NOT reached");
    progress.accept(
        "  steady      at %6.1fs  (%s)"
            .formatted(timeline.nowMs() / 1000.0, steady ? "held" : "NOT reached"));
    if (steady) {
      // The fault starts when injecting starts (a SIGKILL takes effect before kill() returns).
      timeline.event("fault", experiment.fault());
      progress.accept(
          "  fault       at %6.1fs  (%s)".formatted(timeline.nowMs() / 1000.0, experiment.fault()));
      tracker.arm();
      experiment.inject(this);
      if (!waitFor(tracker::finished, limitAt)) {
        String missing = tracker.awaiting().map(Stage::label).orElse("?");
        timeline.event("timeout", "stage " + missing + " not reached within " + scale.limit());
        progress.accept("  gave up waiting for stage " + missing);
      }
    }
    actionsDone();
    return finish(steady);
  }

  private void onStage(Stage stage) {
    actions.submit(
        () -> {
          try {
            timeline.event("action", stage.label() + ": " + scenario.stage(stage).action());
            experiment.act(this, stage);
          } catch (Exception e) {
            timeline.event("error", "action of stage " + stage.label() + " failed: " + e);
          }
        });
  }

  private void watchSteadiness() {
    var samples = timeline.samples();
    if (samples.isEmpty() || !experiment.steady(samples.getLast().values())) {
      lastUnsteadyMs = timeline.nowMs();
    }
  }

  private boolean stableFor(long ms) {
    return timeline.nowMs() - lastUnsteadyMs >= ms;
  }

  boolean waitFor(BooleanSupplier condition, long untilMs) {
    while (timeline.nowMs() < untilMs) {
      if (condition.getAsBoolean()) {
        return true;
      }
      sleep(100);
    }
    return condition.getAsBoolean();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void actionsDone() {
    actions.shutdown();
    try {
      actions.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- what experiments use ----

  RateProducer producer(String name, String schema, boolean paused) {
    var producer =
        new RateProducer(
            name,
            platform.kafka().bootstrapServers(),
            platform.registry().url(),
            TOPIC,
            schema,
            scale.rate(),
            Duration.ofSeconds(60),
            ledger,
            signals,
            paused);
    producers.add(producer);
    return producer;
  }

  GroupMember member(String name, long perRecordDelayMs) {
    var member =
        new GroupMember(
            name,
            platform.kafka().bootstrapServers(),
            platform.registry().url(),
            GROUP,
            TOPIC,
            Duration.ofSeconds(2),
            perRecordDelayMs,
            ledger,
            signals);
    members.add(member);
    return member;
  }

  RegistryProbe probe() {
    return probe;
  }

  SchemaRegistryClient client() {
    return client;
  }

  /**
   * Re-sends everything the DLQ holds now to the original topic (what `schemagate dlq replay`
   * does).
   */
  void replay() {
    // First let the group get past everything already written, or records still in its lag
    // would reach the DLQ after the replay and never be replayed.
    var ends = topics.endOffsets(TOPIC);
    boolean caughtUp = waitFor(() -> topics.reached(GROUP, ends), timeline.nowMs() + 30_000);
    if (!caughtUp) {
      notes.add("the group had not caught up 30 s after the replay was asked for; replayed anyway");
    }
    long held = topics.readAll(DLQ).size();
    signals.set("replay_remaining", held);
    try (var replayer =
        new DlqReplayer(
            platform.kafka().bootstrapServers(),
            DLQ,
            new DlqReplayer.Target.Original(),
            "payments-replay",
            Map.of())) {
      var summary = replayer.replay(Duration.ofSeconds(2), held);
      replayed = summary.replayed();
      timeline.event(
          "replay",
          "%d of %d dead-lettered records re-sent to %s"
              .formatted(summary.replayed(), held, TOPIC));
      signals.set("replay_remaining", held - summary.replayed());
    }
  }

  // ---- verification ----

  private ExperimentResult finish(boolean steady) {
    producers.forEach(RateProducer::stop);
    timeline.event("drain", "producers stopped; waiting for every record to be handled or parked");
    long drainUntil = timeline.nowMs() + 30_000;
    waitFor(() -> unaccounted().isEmpty(), drainUntil);
    tracker.close();
    var dlq = topics.readAll(DLQ);
    Set<String> handled = ledger.handled();
    // Parked: in the DLQ (with its reason) and never handled. First pass: dead-lettered from the
    // original write, which a replay must re-send; a re-park carries the replay's header.
    Set<String> parked = new HashSet<>();
    Map<String, Integer> parkedReasons = new TreeMap<>();
    Map<String, Integer> dlqByProducer = new TreeMap<>();
    long firstPass = 0;
    for (var record : dlq) {
      if (record.headers().lastHeader(DlqHeaders.REPLAYED_FROM) == null) {
        firstPass++;
      }
      String key =
          record.key() == null
              ? ""
              : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
      if (!handled.contains(key) && parked.add(key)) {
        parkedReasons.merge(
            DlqHeaders.text(record.headers(), DlqHeaders.ERROR_REASON).orElse("?"),
            1,
            Integer::sum);
      }
      dlqByProducer.merge(
          DlqHeaders.text(record.headers(), "producer").orElse("(no header)"), 1, Integer::sum);
    }
    Set<String> produced = ledger.produced();
    List<String> lost = new ArrayList<>();
    for (String key : produced) {
      if (!handled.contains(key) && !parked.contains(key)) {
        lost.add(key);
      }
    }
    Set<String> duplicated = new java.util.TreeSet<>(ledger.duplicates());
    Map<String, Double> m = new LinkedHashMap<>();
    long fault = timeline.first("fault").map(Timeline.Event::atMs).orElse(-1L);
    for (var mark : timeline.stages()) {
      if (fault >= 0) {
        m.put(
            "time_to_" + mark.stage().label().replace('-', '_') + "_s",
            (mark.atMs() - fault) / 1000.0);
      }
    }
    m.put("time_to_detect_s", m.getOrDefault("time_to_detect_s", Double.NaN));
    m.put("time_to_recover_s", m.getOrDefault("time_to_recover_s", Double.NaN));
    m.put("stages_reached", (double) timeline.stages().size());
    m.put("stages_within_budget", (double) withinBudget(fault));
    m.put("records_produced", (double) produced.size());
    m.put("records_handled", (double) handled.size());
    m.put("records_parked", (double) parked.size());
    m.put("records_lost", (double) lost.size());
    m.put("records_duplicated", (double) duplicated.size());
    m.put("redeliveries", (double) ledger.redeliveries());
    m.put("dead_lettered", (double) dlq.size());
    // Every record dead-lettered on its first pass must have been replayed.
    m.put("replay_completeness", firstPass == 0 ? 1.0 : (double) replayed / firstPass);
    m.put("registry_availability", probe.availability());
    m.put("lookup_p95_ms", probe.lookupP95Ms());
    m.put(
        "producer_longest_retry_s",
        producers.stream().mapToLong(RateProducer::longestRetryMs).max().orElse(0) / 1000.0);
    m.put("producer_gave_up", signals.count("send_gave_up"));
    m.put(
        "producer_longest_failed_send_s",
        producers.stream().mapToLong(RateProducer::longestFailedAttemptMs).max().orElse(0)
            / 1000.0);
    experiment.measure(this, m);
    Map<String, Object> accounting = new LinkedHashMap<>();
    accounting.put("produced", produced.size());
    accounting.put("handled", handled.size());
    accounting.put("dead_lettered", dlq.size());
    accounting.put("parked_after_replay", parked.size());
    accounting.put("parked_reasons", parkedReasons);
    accounting.put("dead_lettered_by_producer", dlqByProducer);
    accounting.put("lost_keys", lost.stream().sorted().limit(20).toList());
    accounting.put("duplicated_keys", duplicated.stream().limit(20).toList());
    return new ExperimentResult(
        experiment.name(),
        experiment.hypothesis(),
        experiment.fault(),
        steady,
        timeline,
        m,
        accounting,
        List.copyOf(notes));
  }

  private int withinBudget(long fault) {
    int count = 0;
    for (var mark : timeline.stages()) {
      if (fault >= 0 && mark.atMs() - fault <= scenario.stage(mark.stage()).budget().toMillis()) {
        count++;
      }
    }
    return count;
  }

  /** Produced keys neither handled nor in the DLQ (read only when the ledger says some remain). */
  private Set<String> unaccounted() {
    Set<String> open = new HashSet<>(ledger.produced());
    open.removeAll(ledger.handled());
    if (!open.isEmpty()) {
      open.removeAll(Topics.keys(topics.readAll(DLQ)));
    }
    return open;
  }

  @Override
  public void close() {
    for (AutoCloseable c : closeLater) {
      try {
        c.close();
      } catch (Exception e) {
        notes.add("closing " + c + " failed: " + e);
      }
    }
    producers.forEach(RateProducer::close);
    members.forEach(GroupMember::close);
    if (probe != null) {
      probe.close();
    }
    scheduler.shutdownNow();
    actions.shutdownNow();
    topics.close();
    client.close();
  }
}
