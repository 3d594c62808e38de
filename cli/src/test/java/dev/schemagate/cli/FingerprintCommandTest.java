package dev.schemagate.cli;

import static dev.schemagate.cli.CompatCommandTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintCommandTest {
  @Test
  void shouldGiveReformattedSchemasTheSameFingerprint() {
    CliRun run =
        CliRun.of("fingerprint", fixture("order-v1.avsc"), fixture("order-v1-reformatted.avsc"));

    assertThat(run.exitCode()).isZero();
    var fingerprints = run.out().lines().map(l -> l.split("\\s+")[0]).toList();
    assertThat(fingerprints).hasSize(2);
    assertThat(fingerprints.get(0)).matches("sha256:[0-9a-f]{64}").isEqualTo(fingerprints.get(1));
  }

  @Test
  void shouldGiveAChangedSchemaAnotherFingerprint() {
    CliRun run =
        CliRun.of("fingerprint", fixture("order-v1.avsc"), fixture("order-v2-compatible.avsc"));

    var fingerprints = run.out().lines().map(l -> l.split("\\s+")[0]).toList();
    assertThat(fingerprints.get(0)).isNotEqualTo(fingerprints.get(1));
  }

  @Test
  void shouldPrintTheCanonicalForm() {
    CliRun run = CliRun.of("fingerprint", "--canonical", fixture("order-v1-reformatted.avsc"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).startsWith("{\"fields\":[{\"name\":\"id\",\"type\":\"long\"}");
  }
}
