package dev.schemagate.chaos.report;

import dev.schemagate.chaos.run.Timeline;
import dev.schemagate.chaos.spec.Durations;
import dev.schemagate.chaos.spec.Numbers;
import java.util.Map;

/**
 * A blameless post-mortem draft per experiment, built from the timeline: impact by record key, how
 * it was detected and by which signal, the timeline, and action items from what was missed.
 */
public final class PostMortem {
  private PostMortem() {}

  public static String render(RunReport run) {
    var md =
        new StringBuilder(
            "# Post-mortem drafts\n\nGenerated from the chaos run of %s; edit before publishing.\n"
                .formatted(run.started()));
    for (ExperimentReport report : run.experiments()) {
      var result = report.result();
      Map<String, Double> m = result.measurements();
      long fault = result.timeline().first("fault").map(Timeline.Event::atMs).orElse(0L);
      md.append("\n## Incident: %s\n\n".formatted(result.fault()));
      md.append(
          "**Summary.** %s. Detected after %s, recovered after %s.\n\n"
              .formatted(
                  result.fault(),
                  MarkdownReport.seconds(m.get("time_to_detect_s")),
                  MarkdownReport.seconds(m.get("time_to_recover_s"))));
      md.append(
          "**Impact.** %s records produced, %s handled, %s dead-lettered (%s parked after replay), %s lost, %s duplicated.\n\n"
              .formatted(
                  MarkdownReport.number(m.get("records_produced")),
                  MarkdownReport.number(m.get("records_handled")),
                  MarkdownReport.number(m.get("dead_lettered")),
                  MarkdownReport.number(m.get("records_parked")),
                  MarkdownReport.number(m.get("records_lost")),
                  MarkdownReport.number(m.get("records_duplicated"))));
      result
          .timeline()
          .stage(dev.schemagate.chaos.spec.Stage.DETECT)
          .ifPresent(
              d ->
                  md.append(
                      "**Detection.** The signal `%s` fired (measured %s).\n\n"
                          .formatted(d.signal(), Numbers.plain(d.value()))));
      md.append("**Timeline** (seconds after the fault):\n\n");
      for (var event : result.timeline().events()) {
        if (event.kind().equals("steady")) {
          continue;
        }
        md.append(
            "- %+.1f s — %s: %s\n"
                .formatted((event.atMs() - fault) / 1000.0, event.kind(), event.detail()));
      }
      for (var mark : result.timeline().stages()) {
        md.append(
            "- %+.1f s — stage %s reached (`%s`)\n"
                .formatted((mark.atMs() - fault) / 1000.0, mark.stage().label(), mark.signal()));
      }
      md.append("\n**Action items.**\n\n");
      int items = 0;
      for (Verdict v : report.verdicts()) {
        if (!v.met()) {
          items++;
          md.append(
              "- [ ] Objective `%s` missed: %s %s %s, measured %s. Owner: platform team.\n"
                  .formatted(
                      v.objective().name(),
                      v.objective().metric(),
                      v.objective().op().symbol(),
                      Numbers.plain(v.objective().target()),
                      v.measured().isPresent()
                          ? Numbers.plain(v.measured().getAsDouble())
                          : "nothing"));
        }
      }
      for (var mark : result.timeline().stages()) {
        var stage = report.scenario().stage(mark.stage());
        if (mark.atMs() - fault > stage.budget().toMillis()) {
          items++;
          md.append(
              "- [ ] Stage %s took %.1f s, over its %s budget. Owner: %s.\n"
                  .formatted(
                      mark.stage().label(),
                      (mark.atMs() - fault) / 1000.0,
                      Durations.format(stage.budget()),
                      stage.owner()));
        }
      }
      if (items == 0) {
        md.append("- None from the SLA: every objective was met within its stage budget.\n");
      }
    }
    return md.toString();
  }
}
