package dev.schemagate.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.chaos.spec.Comparison;
import dev.schemagate.chaos.spec.Objective;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static final Objective LOST =
      new Objective("records-lost", "none lost", "records_lost", Comparison.EQ, 0, List.of("all"));

  @Test
  void shouldMeetOnlyWhatWasMeasuredAndWithinTarget() {
    assertThat(Verdict.judge(LOST, 0.0).met()).isTrue();
    assertThat(Verdict.judge(LOST, 2.0).met()).isFalse();
    assertThat(Verdict.judge(LOST, 2.0).measured()).hasValue(2.0);
  }

  @Test
  void shouldMissAnObjectiveThatWasNotMeasured() {
    assertThat(Verdict.judge(LOST, null).met()).isFalse();
    assertThat(Verdict.judge(LOST, null).measured()).isEmpty();
    assertThat(Verdict.judge(LOST, Double.NaN).met()).isFalse();
  }

  @Test
  void shouldApplyToTheExperimentsNamedOrAll() {
    var one = new Objective("x", "d", "m", Comparison.LE, 1, List.of("postgres-lost"));
    assertThat(one.appliesTo("postgres-lost")).isTrue();
    assertThat(one.appliesTo("redis-lost")).isFalse();
    assertThat(LOST.appliesTo("redis-lost")).isTrue();
  }
}
