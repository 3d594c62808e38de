package dev.schemagate.chaos.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFilesTest {
  @TempDir Path dir;

  private static final String STAGE =
      """
            - stage: %s
              signal: {metric: consumer_lag, op: ">", threshold: 60}
              action: kafka-consumer-groups --describe --group g
              owner: oncall
              budget: 20s
      """;

  private static String runbook(String... stages) {
    var text =
        new StringBuilder("version: 1\nscenarios:\n  consumer-lag:\n    title: lag\n    stages:\n");
    for (String stage : stages) {
      text.append(STAGE.formatted(stage));
    }
    return text.toString();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void shouldReadTheShippedRunbookAndSla() {
    var runbook = Runbook.load(Path.of("runbook.yaml"));
    var sla = PlatformSla.load(Path.of("platform_sla.yaml"));
    assertThat(runbook.scenarios())
        .containsOnlyKeys(
            "registry-outage",
            "deserialization-errors",
            "consumer-lag",
            "postgres-lost",
            "redis-lost");
    assertThat(runbook.scenario("consumer-lag").orElseThrow().stage(Stage.DETECT).signal().metric())
        .isEqualTo("consumer_lag");
    assertThat(sla.objectives()).extracting(Objective::name).contains("records-lost", "lookup-p95");
  }

  @Test
  void shouldParseBudgetsAndSignals() throws Exception {
    var runbook =
        Runbook.load(
            write("ok.yaml", runbook("detect", "assess", "contain", "recover", "post-mortem")));
    var detect = runbook.scenario("consumer-lag").orElseThrow().stage(Stage.DETECT);
    assertThat(detect.budget()).isEqualTo(Duration.ofSeconds(20));
    assertThat(detect.signal().firesOn(java.util.Map.of("consumer_lag", 61.0))).isTrue();
    assertThat(detect.signal().firesOn(java.util.Map.of("consumer_lag", 60.0))).isFalse();
    assertThat(detect.signal().firesOn(java.util.Map.of())).as("unmeasured never fires").isFalse();
  }

  @Test
  void shouldNameFileLineAndFieldWhenAFieldIsMissing() throws Exception {
    Path file =
        write(
            "runbook.yaml",
            runbook("detect", "assess", "contain", "recover", "post-mortem")
                .replaceFirst("\\s+owner: oncall\n", "\n"));
    assertThatThrownBy(() -> Runbook.load(file))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("field 'scenarios.consumer-lag.stages[0].owner': is required");
  }

  @Test
  void shouldRefuseStagesOutOfOrder() throws Exception {
    Path file =
        write("runbook.yaml", runbook("assess", "detect", "contain", "recover", "post-mortem"));
    assertThatThrownBy(() -> Runbook.load(file))
        .hasMessageContaining("scenarios.consumer-lag")
        .hasMessageContaining(
            "stages must be detect, assess, contain, recover, post-mortem in that order")
        .hasMessageContaining("[assess, detect, contain, recover, post-mortem]");
  }

  @Test
  void shouldRefuseAnUnknownStageOpOrBudget() throws Exception {
    Path stage = write("a.yaml", runbook("detect", "assess", "contain", "recovery", "post-mortem"));
    assertThatThrownBy(() -> Runbook.load(stage))
        .hasMessageContaining("stages[3].stage")
        .hasMessageContaining(
            "stage 'recovery' is not one of detect, assess, contain, recover, post-mortem");
    Path op =
        write(
            "b.yaml",
            runbook("detect", "assess", "contain", "recover", "post-mortem")
                .replaceFirst("op: \">\"", "op: \"=>\""));
    assertThatThrownBy(() -> Runbook.load(op))
        .hasMessageMatching(
            "(?s).*b\\.yaml:\\d+: field 'scenarios.consumer-lag.stages\\[0\\].signal.op': op '=>' is not one of.*");
    Path budget =
        write(
            "c.yaml",
            runbook("detect", "assess", "contain", "recover", "post-mortem")
                .replaceFirst("budget: 20s", "budget: soon"));
    assertThatThrownBy(() -> Runbook.load(budget))
        .hasMessageContaining("budget 'soon' is not a duration such as 500ms, 30s, 5m or 1h");
  }

  @Test
  void shouldRefuseAnUnknownFieldAndBrokenYaml() throws Exception {
    Path unknown =
        write(
            "sla.yaml",
            "version: 1\nobjectives:\n  - name: x\n    description: d\n    metric: m\n    op: \"==\"\n    target: 0\n    experiments: [all]\n    severity: high\n");
    assertThatThrownBy(() -> PlatformSla.load(unknown))
        .hasMessage(unknown + ":9: field 'objectives[0].severity': is not a known field");
    Path broken = write("broken.yaml", "version: 1\nobjectives: [\n");
    assertThatThrownBy(() -> PlatformSla.load(broken))
        .hasMessageStartingWith(broken + ":")
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> PlatformSla.load(dir.resolve("missing.yaml")))
        .hasMessage(dir.resolve("missing.yaml") + ": no such file");
  }
}
