package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code schemagate monitor} (the monitoring itself runs on a real broker in the SDK's
 * DriftConsumerIT).
 */
class MonitorCommandTest {
  @TempDir Path dir;

  @Test
  void shouldRefuseThresholdsOutOfRange() {
    CliRun run =
        CliRun.of("monitor", "--bootstrap-servers", "127.0.0.1:1", "--topic", "t", "--ks", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("ks and nullRate in (0, 1]");
  }

  @Test
  void shouldRefuseAWindowTooSmall() {
    CliRun run =
        CliRun.of("monitor", "--bootstrap-servers", "127.0.0.1:1", "--topic", "t", "--window", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("window must be at least 10 records");
  }

  @Test
  void shouldNameAContractThresholdThatIsNotANumber() throws Exception {
    Path contract = dir.resolve("c.yaml");
    Files.writeString(
        contract, "kind: DataContract\nspec:\n  schemaRef: x\n  drift: {psi: high}\n");

    CliRun run =
        CliRun.of(
            "monitor",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--topic",
            "t",
            "--contract",
            contract.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("spec.drift.psi must be a number, not 'high'");
  }
}
