package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.spec.Stage;
import dev.schemagate.chaos.workload.Events;
import dev.schemagate.chaos.workload.PoisonProducer;
import dev.schemagate.chaos.workload.RateProducer;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.sdk.dlq.DlqHeaders;
import java.util.Map;
import java.util.TreeMap;

/**
 * A batch job starts writing bytes nobody can read beside the healthy {@code checkout} producer.
 * Its "unknown id" records use a schema whose subject was permanently deleted by mistake: the fix
 * is registering it again (the same content gets its old id back), after which those records replay
 * cleanly; the other three kinds are parked again, with their reasons.
 */
public final class DeserializationErrors implements Experiment {
  static final String ROGUE = "batch-import";
  static final String ROGUE_SUBJECT = "batch-import-value";

  private volatile PoisonProducer rogue;
  private volatile int deletedId;

  @Override
  public String name() {
    return "deserialization-errors";
  }

  @Override
  public String hypothesis() {
    return "nothing is dead-lettered and the group keeps up";
  }

  @Override
  public String fault() {
    return "producer batch-import writes bad magic bytes, unknown ids, truncated and contract-breaking records";
  }

  @Override
  public void start(Run run) {
    run.producer("checkout", Events.SCHEMA_V1, false);
    run.member("payments-app-0", 0);
  }

  @Override
  public boolean steady(Map<String, Double> s) {
    return s.getOrDefault("dead_lettered_rate", 0.0) <= 0
        && s.getOrDefault("consumer_lag", 1e9) < 40;
  }

  @Override
  public void inject(Run run) throws Exception {
    var client = run.client();
    deletedId =
        client.register(
            ROGUE_SUBJECT, SchemaSubmission.of(SchemaFormat.JSON, Events.SCHEMA_V2), false);
    client.deleteSubject(ROGUE_SUBJECT, false);
    client.deleteSubject(ROGUE_SUBJECT, true);
    boolean gone = client.schemaById(deletedId).isEmpty();
    run.notes.add(
        "schema id %d after its subject was permanently deleted: %s"
            .formatted(
                deletedId, gone ? "unknown to the registry" : "STILL served by the registry"));
    int known = client.latest(Run.TOPIC + "-value").orElseThrow().id();
    rogue =
        new PoisonProducer(
            ROGUE,
            run.platform.kafka().bootstrapServers(),
            Run.TOPIC,
            known,
            deletedId,
            run.scale.rate() / 2,
            run.ledger,
            run.signals);
    run.closeLater.add(rogue);
  }

  @Override
  public void act(Run run, Stage stage) throws Exception {
    switch (stage) {
      case DETECT -> identifyOffender(run);
      case ASSESS -> {
        rogue.stop();
        run.timeline.event("contained", ROGUE + " scaled to 0");
      }
      case CONTAIN -> {
        run.client()
            .register(
                ROGUE_SUBJECT, SchemaSubmission.of(SchemaFormat.JSON, Events.SCHEMA_V2), false);
        run.timeline.event("fixed", "schema of " + ROGUE_SUBJECT + " registered again");
        run.replay();
      }
      default -> {}
    }
  }

  /** Reads the DLQ's headers: which producer, which reasons. */
  private void identifyOffender(Run run) {
    Map<String, Integer> byProducer = new TreeMap<>();
    Map<String, Integer> byReason = new TreeMap<>();
    for (var record : run.topics.readAll(Run.DLQ)) {
      byProducer.merge(
          DlqHeaders.text(record.headers(), RateProducer.PRODUCER_HEADER).orElse("?"),
          1,
          Integer::sum);
      byReason.merge(
          DlqHeaders.text(record.headers(), DlqHeaders.ERROR_REASON).orElse("?"), 1, Integer::sum);
    }
    String offender =
        byProducer.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse("?");
    run.timeline.event(
        "assessed",
        "offending producer %s (DLQ by producer %s, by reason %s)"
            .formatted(offender, byProducer, byReason));
    run.signals.set("offender_identified", offender.equals(ROGUE) ? 1 : 0);
  }

  @Override
  public void measure(Run run, Map<String, Double> m) {
    m.put("offender_identified", run.signals.read().getOrDefault("offender_identified", 0.0));
    for (var kind : PoisonProducer.Kind.values()) {
      String name = "poison_" + kind.name().toLowerCase(java.util.Locale.ROOT);
      m.put(name, run.signals.count(name));
    }
  }
}
