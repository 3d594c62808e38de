package dev.schemagate.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every experiment at small scale against real processes (KRaft broker, PostgreSQL, Redis, the
 * registry jar in its own JVM), through the command line, then report.json asserted: stages reached
 * in order after the fault, every objective judged with a measured value, nothing lost or
 * duplicated, and the exit code agreeing with the verdicts.
 */
class ChaosRunIT {
  private static final List<String> STAGES =
      List.of("detect", "assess", "contain", "recover", "post-mortem");

  /** Kept under target/ so a CI run's report, charts and post-mortem can be looked at. */
  private final Path reports = Path.of("target", "chaos-report");

  @Test
  void shouldRunEveryExperimentAndReportMeasuredStagesAndObjectives() throws Exception {
    var out = new StringWriter();
    var err = new StringWriter();
    int code =
        ChaosMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(
                "run",
                "--report",
                reports.toString(),
                "--registry-jar",
                System.getProperty("schemagate.chaos.registry.jar"));
    String log = out + "\n" + err;
    System.out.println(log);
    JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());

    List<String> names = new ArrayList<>();
    boolean allMet = true;
    for (JsonNode e : report.get("experiments")) {
      String name = e.get("name").asText();
      names.add(name);
      assertThat(e.get("steady_state_held").asBoolean()).as(name + " steady state").isTrue();
      List<String> stages = new ArrayList<>();
      double previous = 0;
      for (JsonNode stage : e.get("stages")) {
        stages.add(stage.get("stage").asText());
        double after = stage.get("after_fault_s").asDouble();
        assertThat(after)
            .as(name + " " + stage.get("stage") + " after the fault")
            .isGreaterThanOrEqualTo(previous);
        previous = after;
        assertThat(stage.get("signal").asText()).isNotBlank();
      }
      assertThat(stages).as(name + " stages in order\n" + log).isEqualTo(STAGES);
      JsonNode m = e.get("measurements");
      assertThat(m.get("records_produced").asDouble()).as(name).isPositive();
      assertThat(m.get("records_lost").asDouble())
          .as(name + " lost: " + e.get("accounting"))
          .isZero();
      assertThat(m.get("records_duplicated").asDouble()).as(name + " duplicated").isZero();
      assertThat(m.get("replay_completeness").asDouble()).as(name + " replay").isEqualTo(1.0);
      assertThat(m.get("time_to_detect_s").asDouble()).as(name).isGreaterThanOrEqualTo(0);
      assertThat(m.get("time_to_recover_s").asDouble())
          .as(name)
          .isGreaterThan(m.get("time_to_detect_s").asDouble());
      assertThat(e.get("objectives")).as(name + " objectives judged").isNotEmpty();
      for (JsonNode objective : e.get("objectives")) {
        assertThat(objective.has("met")).isTrue();
        allMet &= objective.get("met").asBoolean();
        if (!objective.get("name").asText().equals("writes-clean-503")) {
          assertThat(objective.get("measured").isNumber())
              .as(name + " " + objective.get("name") + " measured")
              .isTrue();
        }
      }
      assertThat(Files.readString(reports.resolve(name + ".svg")))
          .startsWith("<svg")
          .contains("polyline");
    }
    assertThat(names)
        .containsExactly(
            "registry-outage",
            "deserialization-errors",
            "consumer-lag",
            "postgres-lost",
            "redis-lost");
    assertThat(report.get("passed").asBoolean()).isEqualTo(allMet);
    assertThat(code).as("exit code agrees with the verdicts").isEqualTo(allMet ? 0 : 1);

    JsonNode outage = find(report, "registry-outage");
    assertThat(outage.get("measurements").get("dead_lettered").asDouble())
        .as("a consumer meeting an unknown id dead-letters it")
        .isPositive();
    assertThat(outage.get("measurements").get("records_parked").asDouble())
        .as("all replayed")
        .isZero();
    assertThat(outage.get("measurements").get("producer_gave_up").asDouble()).isZero();
    assertThat(outage.get("measurements").get("producer_longest_retry_s").asDouble()).isPositive();

    JsonNode poison = find(report, "deserialization-errors");
    assertThat(poison.get("accounting").get("dead_lettered_by_producer").fieldNames())
        .toIterable()
        .containsExactly("batch-import");
    assertThat(poison.get("accounting").get("parked_reasons").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("MALFORMED", "INVALID_RECORD");
    assertThat(poison.get("measurements").get("offender_identified").asDouble()).isEqualTo(1);

    assertThat(find(report, "consumer-lag").get("measurements").get("dead_lettered").asDouble())
        .isZero();
    assertThat(
            find(report, "postgres-lost")
                .get("measurements")
                .get("reads_ok_during_outage")
                .asDouble())
        .as("lookups answered while PostgreSQL is gone")
        .isEqualTo(1.0);

    assertThat(Files.readString(reports.resolve("report.md")))
        .contains("![registry-outage](registry-outage.svg)");
    assertThat(Files.readString(reports.resolve("postmortem.md")))
        .contains("## Incident: registry JVM killed with SIGKILL");
    assertThat(out.toString())
        .contains("[1/5] registry-outage", "[5/5] redis-lost", "detect      at");
  }

  private static JsonNode find(JsonNode report, String name) {
    for (JsonNode e : report.get("experiments")) {
      if (e.get("name").asText().equals(name)) {
        return e;
      }
    }
    throw new AssertionError(name + " missing");
  }
}
