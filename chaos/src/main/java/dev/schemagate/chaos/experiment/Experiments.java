package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.platform.Platform;
import dev.schemagate.chaos.spec.Scenario;
import java.util.function.Consumer;

/** Runs one experiment on a platform (the entry point into this package's machinery). */
public final class Experiments {
  private Experiments() {}

  public static ExperimentResult execute(
      Experiment experiment,
      Scenario scenario,
      Platform platform,
      Scale scale,
      Consumer<String> progress)
      throws Exception {
    try (Run run = new Run(experiment, scenario, platform, scale, progress)) {
      return run.execute();
    }
  }
}
