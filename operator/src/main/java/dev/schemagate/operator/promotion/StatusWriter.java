package dev.schemagate.operator.promotion;

import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.crds.v1alpha1.PromotionPhase;
import dev.schemagate.crds.v1alpha1.PromotionStatus;
import dev.schemagate.operator.status.Conditions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an {@link Outcome} into a status: the phase, the impact (kept from before while a later
 * pass has none), what the target holds, and the conditions Ready (True only once promoted),
 * Assessed (the grade) and Approved (whether the grade needed owners, and whether they agreed).
 */
final class StatusWriter {
  static final String READY = Conditions.READY;
  static final String ASSESSED = "Assessed";
  static final String APPROVED = "Approved";

  private final Clock clock;

  StatusWriter(Clock clock) {
    this.clock = clock;
  }

  PromotionStatus write(Promotion resource, Outcome outcome) {
    PromotionStatus old = resource.getStatus();
    PromotionStatus status = new PromotionStatus();
    status.setObservedGeneration(resource.getMetadata().getGeneration());
    status.setPhase(outcome.phase());
    outcome
        .assessment()
        .or(
            () ->
                Optional.ofNullable(old)
                    .map(PromotionStatus::getImpact)
                    .map(i -> new Assessment(i, false, Set.of())))
        .ifPresent(a -> status.setImpact(a.impact()));
    if (outcome instanceof Outcome.Promoted promoted) {
      status.setFingerprint(promoted.registered().fingerprint());
      status.setTargetVersion(promoted.registered().version());
      status.setTargetSchemaId(promoted.registered().id());
    }
    Conditions conditions =
        new Conditions(
            old == null ? List.of() : old.getConditions(),
            resource.getMetadata().getGeneration(),
            clock);
    conditions.set(
        READY, outcome.phase() == PromotionPhase.Promoted, outcome.reason(), outcome.message());
    outcome
        .assessment()
        .ifPresentOrElse(
            a ->
                conditions.set(
                    ASSESSED, true, Reason.graded(a.impact().severity()), a.impact().reason()),
            () -> conditions.unknown(ASSESSED, outcome.reason(), outcome.message()));
    switch (outcome) {
      case Outcome.Blocked blocked ->
          conditions.set(
              APPROVED,
              false,
              Reason.AwaitingApproval,
              "needs approval from " + String.join(", ", blocked.missing()));
      case Outcome o when o.assessment().map(Assessment::blocking).orElse(false) ->
          conditions.set(APPROVED, true, Reason.ApprovedByOwners, "every required owner approved");
      case Outcome o when o.assessment().isPresent() ->
          conditions.set(
              APPROVED, true, Reason.NotRequired, "the impact does not require approval");
      default -> {
        // not graded yet: no Approved condition
      }
    }
    status.setConditions(conditions.build());
    return status;
  }
}
