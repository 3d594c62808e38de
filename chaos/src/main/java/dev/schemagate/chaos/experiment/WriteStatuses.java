package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.run.Timeline;
import dev.schemagate.chaos.workload.RegistryProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** What the registry answered while its database was gone: each probe write, each lookup sample. */
final class WriteStatuses {
  private WriteStatuses() {}

  static Map<String, Double> measure(Run run) {
    long from = run.timeline.first("fault").map(Timeline.Event::atMs).orElse(Long.MAX_VALUE);
    long to = run.timeline.first("restored").map(Timeline.Event::atMs).orElse(Long.MAX_VALUE);
    int failed = 0;
    int clean503 = 0;
    int noAnswer = 0;
    Map<Integer, Integer> during = new TreeMap<>();
    for (RegistryProbe.Write write : run.probe().writes()) {
      if (write.atMs() < from || write.atMs() > to) {
        continue;
      }
      during.merge(write.status(), 1, Integer::sum);
      if (write.status() != 200) {
        failed++;
        if (write.status() == 503) {
          clean503++;
        } else if (write.status() == 0) {
          noAnswer++;
        }
      }
    }
    int readsDuring = 0;
    int readsOkDuring = 0;
    for (var sample : run.timeline.samples()) {
      if (sample.atMs() >= from && sample.atMs() <= to) {
        readsDuring++;
        if (sample.values().getOrDefault("registry_up", 0.0) >= 1) {
          readsOkDuring++;
        }
      }
    }
    run.notes.add(
        "registrations while PostgreSQL was gone, by HTTP status (0: no answer within 5 s): "
            + during);
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("writes_failed_during_outage", (double) failed);
    m.put("writes_clean_503_fraction", failed == 0 ? Double.NaN : (double) clean503 / failed);
    m.put("writes_unanswered", (double) noAnswer);
    m.put(
        "reads_ok_during_outage",
        readsDuring == 0 ? Double.NaN : (double) readsOkDuring / readsDuring);
    return m;
  }
}
