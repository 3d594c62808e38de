package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.run.Timeline;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the registry answered to writes while its database was gone, from the probe samples. */
final class WriteStatuses {
  private WriteStatuses() {}

  static Map<String, Double> measure(Run run) {
    long from = run.timeline.first("fault").map(Timeline.Event::atMs).orElse(Long.MAX_VALUE);
    long to = run.timeline.first("restored").map(Timeline.Event::atMs).orElse(Long.MAX_VALUE);
    int failed = 0;
    int clean503 = 0;
    int noAnswer = 0;
    int readsDuring = 0;
    int readsOkDuring = 0;
    for (var sample : run.timeline.samples()) {
      if (sample.atMs() < from || sample.atMs() > to) {
        continue;
      }
      double status = sample.values().getOrDefault("registry_write_status", 200.0);
      if (status != 200) {
        failed++;
        if (status == 503) {
          clean503++;
        } else if (status == 0) {
          noAnswer++;
        }
      }
      readsDuring++;
      if (sample.values().getOrDefault("registry_up", 0.0) >= 1) {
        readsOkDuring++;
      }
    }
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
