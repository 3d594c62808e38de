package dev.schemagate.chaos.report;

import java.time.Instant;
import java.util.List;

/** A whole run: every experiment's report. It passes when every experiment does. */
public record RunReport(Instant started, String scaleName, List<ExperimentReport> experiments) {
  public boolean passed() {
    return !experiments.isEmpty() && experiments.stream().allMatch(ExperimentReport::passed);
  }
}
