package dev.schemagate.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.crds.v1alpha1.Condition;
import dev.schemagate.operator.dataschema.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final Condition READY_SINCE_NOON =
      new Condition("Ready", "True", "Registered", "registered", "2026-11-26T12:00:00Z", 1L);
  private final Clock later = Clock.fixed(Instant.parse("2026-11-26T13:30:00Z"), ZoneOffset.UTC);

  @Test
  void shouldKeepTheTransitionTimeWhenTheStatusStaysTheSame() {
    List<Condition> next =
        new Conditions(List.of(READY_SINCE_NOON), 2L, later)
            .set("Ready", true, Reason.UpToDate, "up to date")
            .build();

    assertThat(next)
        .containsExactly(
            new Condition("Ready", "True", "UpToDate", "up to date", "2026-11-26T12:00:00Z", 2L));
  }

  @Test
  void shouldStampANewTransitionTimeWhenTheStatusChanges() {
    List<Condition> next =
        new Conditions(List.of(READY_SINCE_NOON), 2L, later)
            .set("Ready", false, Reason.IncompatibleChange, "refused")
            .unknown("Synced", Reason.RegistryUnreachable, "cannot tell")
            .build();

    assertThat(next)
        .extracting(Condition::type, Condition::status, Condition::lastTransitionTime)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Ready", "False", "2026-11-26T13:30:00Z"),
            org.assertj.core.groups.Tuple.tuple("Synced", "Unknown", "2026-11-26T13:30:00Z"));
  }

  @Test
  void shouldCarryAConditionOverUnchangedWhenAskedToKeepIt() {
    List<Condition> next =
        new Conditions(List.of(READY_SINCE_NOON), 5L, later)
            .keep("Ready")
            .keep("Compatible")
            .build();

    assertThat(next).containsExactly(READY_SINCE_NOON);
  }
}
