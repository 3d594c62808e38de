package dev.schemagate.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused before anything starts, with one line naming the problem. */
class ChaosMainTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ChaosMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void shouldRefuseAnUnknownExperimentNamingTheKnownOnes() {
    int code = run("run", "registry-outage", "disk-full", "--report", dir.toString());
    assertThat(code).isEqualTo(ChaosMain.INVALID_INPUT);
    assertThat(err.toString())
        .isEqualTo(
            "schemagate chaos: unknown experiment 'disk-full': choose from registry-outage,"
                + " deserialization-errors, consumer-lag, postgres-lost, redis-lost"
                + System.lineSeparator());
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void shouldRefuseAMalformedRunbookNamingFileLineAndField() throws Exception {
    Path runbook =
        Files.writeString(
            dir.resolve("runbook.yaml"),
            "version: 1\nscenarios:\n  consumer-lag:\n    stages: []\n");
    int code = run("run", "--runbook", runbook.toString(), "--report", dir.resolve("r").toString());
    assertThat(code).isEqualTo(ChaosMain.INVALID_INPUT);
    assertThat(err.toString())
        .startsWith("schemagate chaos: " + runbook + ":")
        .contains("field 'scenarios.consumer-lag.title': is required");
  }

  @Test
  void shouldRefuseAnUnknownScaleAndAMissingReportDir() {
    assertThat(run("run", "--scale", "huge", "--report", dir.toString()))
        .isEqualTo(ChaosMain.INVALID_INPUT);
    assertThat(err.toString()).contains("scale 'huge' is not one of small, medium, large");
    assertThat(run("run", "consumer-lag")).isEqualTo(ChaosMain.INVALID_INPUT);
    assertThat(err.toString()).contains("Missing required option: '--report=DIR'");
  }

  @Test
  void shouldRefuseAnExperimentTheRunbookDoesNotCover() throws Exception {
    String shipped = Files.readString(Path.of("runbook.yaml"));
    String withoutRedis = shipped.substring(0, shipped.indexOf("  redis-lost:"));
    Path runbook = Files.writeString(dir.resolve("partial.yaml"), withoutRedis);
    assertThat(
            run(
                "run",
                "redis-lost",
                "--runbook",
                runbook.toString(),
                "--report",
                dir.resolve("r").toString()))
        .isEqualTo(ChaosMain.INVALID_INPUT);
    assertThat(err.toString()).contains("the runbook has no scenario for experiment 'redis-lost'");
  }

  @Test
  void shouldShowHelpForRunWithoutRequiringItsOptions() {
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString()).contains("--report=DIR", "--scale", "EXPERIMENT");
  }

  @Test
  void shouldListEveryExperiment() {
    assertThat(run("list")).isZero();
    assertThat(out.toString())
        .contains(
            "registry-outage",
            "deserialization-errors",
            "consumer-lag",
            "postgres-lost",
            "redis-lost");
  }
}
