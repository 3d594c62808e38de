package dev.schemagate.chaos;

import dev.schemagate.chaos.experiment.Experiment;
import dev.schemagate.chaos.experiment.ExperimentResult;
import dev.schemagate.chaos.experiment.Experiments;
import dev.schemagate.chaos.experiment.Scale;
import dev.schemagate.chaos.platform.Platform;
import dev.schemagate.chaos.report.ExperimentReport;
import dev.schemagate.chaos.report.JsonReport;
import dev.schemagate.chaos.report.MarkdownReport;
import dev.schemagate.chaos.report.PostMortem;
import dev.schemagate.chaos.report.RunReport;
import dev.schemagate.chaos.report.SvgChart;
import dev.schemagate.chaos.report.Verdict;
import dev.schemagate.chaos.spec.PlatformSla;
import dev.schemagate.chaos.spec.Runbook;
import dev.schemagate.chaos.spec.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs experiments one after the other, each on a fresh platform, judges them on the SLA and writes
 * {@code report.json}, {@code report.md} (with one SVG chart per experiment) and {@code
 * postmortem.md} into the report directory.
 */
public final class ChaosRunner {
  /**
   * What to run and where to write. Experiments are checked against the runbook before any runs.
   */
  public record Plan(
      List<String> experiments,
      Runbook runbook,
      PlatformSla sla,
      Scale scale,
      String scaleName,
      Path registryJar,
      Path reportDir) {}

  private final Consumer<String> progress;

  public ChaosRunner(Consumer<String> progress) {
    this.progress = progress;
  }

  /** Names not known, or known but without a runbook scenario: a one-line error, nothing run. */
  public static List<Experiment> resolve(List<String> names, Runbook runbook) {
    var all = Experiment.all();
    List<String> wanted = names.isEmpty() ? List.copyOf(all.keySet()) : names;
    List<Experiment> chosen = new ArrayList<>();
    for (String name : wanted) {
      Experiment experiment = all.get(name);
      if (experiment == null) {
        throw new IllegalArgumentException(
            "unknown experiment '%s': choose from %s"
                .formatted(name, String.join(", ", all.keySet())));
      }
      if (runbook.scenario(name).isEmpty()) {
        throw new IllegalArgumentException(
            "the runbook has no scenario for experiment '%s' (add scenarios.%s)"
                .formatted(name, name));
      }
      chosen.add(experiment);
    }
    return chosen;
  }

  public RunReport run(Plan plan) throws IOException {
    List<Experiment> experiments = resolve(plan.experiments(), plan.runbook());
    Files.createDirectories(plan.reportDir());
    Instant started = Instant.now();
    List<ExperimentReport> reports = new ArrayList<>();
    int index = 0;
    for (Experiment experiment : experiments) {
      index++;
      progress.accept(
          "[%d/%d] %s: %s"
              .formatted(index, experiments.size(), experiment.name(), experiment.fault()));
      Scenario scenario = plan.runbook().scenario(experiment.name()).orElseThrow();
      Path work = Files.createTempDirectory("schemagate-chaos-" + experiment.name() + "-");
      ExperimentResult result;
      try (Platform platform = Platform.start(plan.registryJar(), work)) {
        result = Experiments.execute(experiment, scenario, platform, plan.scale(), progress);
      } catch (Exception e) {
        throw new IOException(
            "experiment %s could not run: %s (work directory %s)"
                .formatted(experiment.name(), e, work),
            e);
      }
      var report = ExperimentReport.judge(result, scenario, plan.sla());
      reports.add(report);
      Files.writeString(
          plan.reportDir().resolve(experiment.name() + ".svg"), SvgChart.render(result));
      for (Verdict v : report.verdicts()) {
        if (!v.met()) {
          progress.accept(
              "  MISSED %s: %s %s %s, measured %s"
                  .formatted(
                      v.objective().name(),
                      v.objective().metric(),
                      v.objective().op().symbol(),
                      dev.schemagate.chaos.spec.Numbers.plain(v.objective().target()),
                      v.measured().isPresent()
                          ? dev.schemagate.chaos.spec.Numbers.plain(v.measured().getAsDouble())
                          : "nothing"));
        }
      }
      progress.accept(
          "  %s (%d objectives)"
              .formatted(report.passed() ? "passed" : "FAILED", report.verdicts().size()));
      deleteQuietly(work);
    }
    var run = new RunReport(started, plan.scaleName(), reports);
    JsonReport.write(plan.reportDir().resolve("report.json"), run);
    Files.writeString(plan.reportDir().resolve("report.md"), MarkdownReport.render(run));
    Files.writeString(plan.reportDir().resolve("postmortem.md"), PostMortem.render(run));
    return run;
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is not worth failing the run over
    }
  }
}
