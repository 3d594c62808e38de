package dev.schemagate.chaos.report;

import dev.schemagate.chaos.experiment.ExperimentResult;
import dev.schemagate.chaos.spec.PlatformSla;
import dev.schemagate.chaos.spec.Scenario;
import java.util.List;

/** An experiment's result with its runbook scenario and every applicable objective judged. */
public record ExperimentReport(ExperimentResult result, Scenario scenario, List<Verdict> verdicts) {
  public static ExperimentReport judge(
      ExperimentResult result, Scenario scenario, PlatformSla sla) {
    List<Verdict> verdicts =
        sla.objectives().stream()
            .filter(o -> o.appliesTo(result.name()))
            .map(o -> Verdict.judge(o, result.measurements().get(o.metric())))
            .toList();
    return new ExperimentReport(result, scenario, verdicts);
  }

  public boolean passed() {
    return result.steadyStateHeld() && verdicts.stream().allMatch(Verdict::met);
  }
}
