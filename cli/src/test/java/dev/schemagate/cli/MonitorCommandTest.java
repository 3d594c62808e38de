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
  void shouldSayNoBrokerAnsweredRatherThanReportAQuietTopic() throws Exception {
    int closed;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closed = probe.getLocalPort();
    }

    CliRun run =
        CliRun.of(
            "monitor",
            "--bootstrap-servers",
            "127.0.0.1:" + closed,
            "--topic",
            "t",
            "--idle-timeout",
            "PT1S");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "schemagate monitor: Kafka: no broker at 127.0.0.1:"
                + closed
                + " answered within 15 s (is the address right and the cluster up?)\n");
  }

  @Test
  void shouldRefuseThresholdsOutOfRange() {
    CliRun run =
        CliRun.of("monitor", "--bootstrap-servers", "127.0.0.1:1", "--topic", "t", "--ks", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "spec.drift.ks must be a number greater than 0 and at most 1, not 3.0 (from the flags)");
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
    assertThat(run.err()).contains("spec.drift.psi must be a number greater than 0, not high");
  }

  @Test
  void shouldNameAPerFieldThresholdOutOfRangeInAContractFoundByName() throws Exception {
    Files.createDirectories(dir.resolve("contracts"));
    Files.writeString(
        dir.resolve("contracts/orders.yaml"),
        """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataContract
        metadata: {name: orders, namespace: shop}
        spec:
          schemaRef: orders
          drift:
            fields:
              - {field: amount, nullRate: 2}
        """);

    CliRun run =
        CliRun.of(
            "monitor",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--topic",
            "t",
            "--contract",
            "orders",
            "--contracts-dir",
            dir.resolve("contracts").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("spec.drift.fields[0].nullRate must be a number greater than 0 and at most 1");
  }

  @Test
  void shouldListTheContractsItKnowsWhenTheNameIsUnknown() throws Exception {
    Files.createDirectories(dir.resolve("contracts"));
    Files.writeString(
        dir.resolve("contracts/orders.yaml"),
        "kind: DataContract\nmetadata: {name: orders}\nspec: {schemaRef: orders}\n");

    CliRun run =
        CliRun.of(
            "monitor",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--topic",
            "t",
            "--contract",
            "payments",
            "--contracts-dir",
            dir.resolve("contracts").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown contract 'payments'").contains("(found: orders)");
  }
}
