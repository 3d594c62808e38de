package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatCommandTest {
  static String fixture(String name) {
    try {
      return Path.of(CompatCommandTest.class.getResource(name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldExitZeroAndListEveryChangeWhenCompatible() {
    CliRun run = CliRun.of("compat", fixture("order-v1.avsc"), fixture("order-v2-compatible.avsc"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.getFirst()).startsWith("OK: ").contains("compatible at BACKWARD", "minor");
    assertThat(lines)
        .anyMatch(l -> l.startsWith("ok") && l.contains("/fields/amount/type TYPE_WIDENED"))
        .anyMatch(l -> l.contains("/fields/note FIELD_ADDED"))
        .anyMatch(l -> l.contains("/fields/status/type/symbols ENUM_SYMBOL_ADDED"))
        .anyMatch(l -> l.contains("/doc DOC_CHANGED"));
  }

  @Test
  void shouldExitOneAndPrintBreakingChangesFirstWithFixes() {
    CliRun run = CliRun.of("compat", fixture("order-v1.avsc"), fixture("order-v3-breaking.avsc"));

    assertThat(run.exitCode()).isEqualTo(1);
    List<String> changes = run.out().lines().skip(1).toList();
    assertThat(changes).hasSizeGreaterThanOrEqualTo(3);
    assertThat(changes.subList(0, 3))
        .allMatch(l -> l.startsWith("BREAKING") && l.contains("fix: "));
    assertThat(run.out())
        .contains("/fields/amount/type TYPE_CHANGED")
        .contains("/fields/status/type/symbols ENUM_SYMBOL_REMOVED")
        .contains("/fields/currency FIELD_ADDED")
        .contains("add a default");
  }

  @Test
  void shouldPrintTheJsonReportWithFingerprintsInArgumentOrder() throws Exception {
    CliRun run =
        CliRun.of(
            "compat",
            "--output",
            "json",
            "--mode",
            "full",
            fixture("order-v1.avsc"),
            fixture("order-v3-breaking.avsc"));

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("compatible").booleanValue()).isFalse();
    assertThat(report.get("mode").textValue()).isEqualTo("FULL");
    assertThat(report.get("fingerprints")).hasSize(2);
    assertThat(report.get("fingerprints").get(0).textValue()).startsWith("sha256:");
    JsonNode first = report.get("changes").get(0);
    assertThat(first.get("breaking").booleanValue()).isTrue();
    assertThat(first.get("path").textValue()).startsWith("/fields/");
    assertThat(first.has("suggestedFix")).isTrue();
    assertThat(report.get("suggestedBump").textValue()).isEqualTo("MAJOR");
  }

  @Test
  void shouldCheckEveryOldVersionAtATransitiveMode() {
    String v1 = fixture("order-v1.avsc");
    String v2 = fixture("order-v2-compatible.avsc");
    String v3 = fixture("order-v1.avsc"); // back to int: narrowing against v2

    CliRun latestOnly = CliRun.of("compat", "--mode", "FORWARD", v1, v2, v3);
    CliRun transitive = CliRun.of("compat", "--mode", "BACKWARD_TRANSITIVE", v1, v2, v3);

    assertThat(latestOnly.exitCode()).isZero();
    assertThat(transitive.exitCode()).isEqualTo(1);
    assertThat(transitive.out()).contains("BREAKING /fields/amount/type TYPE_NARROWED");
  }

  @Test
  void shouldInferJsonSchemaFromTheExtension() {
    CliRun run = CliRun.of("compat", fixture("customer-v1.json"), fixture("customer-v2.json"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("BREAKING /properties/email/maxLength BOUNDS_TIGHTENED")
        .contains("BREAKING /properties/tier FIELD_ADDED")
        .contains("keep maxLength at 200");
  }

  @Test
  void shouldPrintHelpAndExitZero() {
    CliRun run = CliRun.of("compat", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: schemagate compat", "--mode", "Exit code");
  }
}
