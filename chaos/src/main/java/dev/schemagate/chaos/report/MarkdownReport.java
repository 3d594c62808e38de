package dev.schemagate.chaos.report;

import dev.schemagate.chaos.run.Timeline;
import dev.schemagate.chaos.spec.Durations;
import dev.schemagate.chaos.spec.Numbers;
import java.util.Map;

/** {@code report.md}: per experiment a verdict, the chart, the stage table and the objectives. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(RunReport run) {
    var md = new StringBuilder();
    md.append("# Chaos run %s\n\n".formatted(run.started()));
    md.append(
        "Scale `%s`. Result: **%s**.\n\n"
            .formatted(
                run.scaleName(), run.passed() ? "every objective met" : "objectives MISSED"));
    md.append("| experiment | detect | recover | lost | duplicated | objectives |\n");
    md.append("| --- | --- | --- | --- | --- | --- |\n");
    for (ExperimentReport report : run.experiments()) {
      Map<String, Double> m = report.result().measurements();
      long met = report.verdicts().stream().filter(Verdict::met).count();
      md.append(
          "| [%s](#%s) | %s | %s | %s | %s | %d/%d %s |\n"
              .formatted(
                  report.result().name(),
                  report.result().name(),
                  seconds(m.get("time_to_detect_s")),
                  seconds(m.get("time_to_recover_s")),
                  number(m.get("records_lost")),
                  number(m.get("records_duplicated")),
                  met,
                  report.verdicts().size(),
                  report.passed() ? "met" : "**missed**"));
    }
    for (ExperimentReport report : run.experiments()) {
      var result = report.result();
      md.append("\n## %s\n\n".formatted(result.name()));
      md.append(
          "- Steady state: %s — %s\n"
              .formatted(
                  result.hypothesis(), result.steadyStateHeld() ? "held" : "**not reached**"));
      md.append("- Fault: %s\n".formatted(result.fault()));
      md.append("- Accounting by record key: %s\n\n".formatted(result.accounting()));
      md.append("![%s](%s.svg)\n\n".formatted(result.name(), result.name()));
      long fault = result.timeline().first("fault").map(Timeline.Event::atMs).orElse(0L);
      md.append("| stage | after fault | budget | signal (measured) | action | owner |\n");
      md.append("| --- | --- | --- | --- | --- | --- |\n");
      for (var mark : result.timeline().stages()) {
        var stage = report.scenario().stage(mark.stage());
        boolean within = mark.atMs() - fault <= stage.budget().toMillis();
        md.append(
            "| %s | %.1f s%s | %s | `%s` (%s) | `%s` | %s |\n"
                .formatted(
                    mark.stage().label(),
                    (mark.atMs() - fault) / 1000.0,
                    within ? "" : " **over**",
                    Durations.format(stage.budget()),
                    mark.signal(),
                    Numbers.plain(mark.value()),
                    stage.action().replace("|", "\\|"),
                    stage.owner()));
      }
      md.append("\n| objective | target | measured | |\n| --- | --- | --- | --- |\n");
      for (Verdict v : report.verdicts()) {
        md.append(
            "| %s | `%s %s %s` | %s | %s |\n"
                .formatted(
                    v.objective().name(),
                    v.objective().metric(),
                    v.objective().op().symbol(),
                    Numbers.plain(v.objective().target()),
                    v.measured().isPresent()
                        ? Numbers.plain(v.measured().getAsDouble())
                        : "not measured",
                    v.met() ? "met" : "**missed**"));
      }
      if (!result.notes().isEmpty()) {
        md.append("\nNotes:\n");
        result.notes().forEach(n -> md.append("- ").append(n).append('\n'));
      }
    }
    md.append(
        "\nPost-mortem drafts: [postmortem.md](postmortem.md). Machine-readable: [report.json](report.json).\n");
    return md.toString();
  }

  static String seconds(Double value) {
    return value == null || value.isNaN() ? "—" : "%.1f s".formatted(value);
  }

  static String number(Double value) {
    return value == null || value.isNaN() ? "—" : Numbers.plain(value);
  }
}
