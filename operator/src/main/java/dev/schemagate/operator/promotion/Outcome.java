package dev.schemagate.operator.promotion;

import dev.schemagate.crds.v1alpha1.PromotionPhase;
import java.util.List;
import java.util.Optional;

/** Where evaluating a Promotion got to: one phase, one reason, a message a person can act on. */
sealed interface Outcome {
  PromotionPhase phase();

  Reason reason();

  String message();

  /** The graded impact, once there is one. */
  default Optional<Assessment> assessment() {
    return Optional.empty();
  }

  /** Whether to look again after the retry interval (besides the DataSchema/DataContract watch). */
  default boolean retry() {
    return false;
  }

  /** Something it needs does not exist yet (the DataSchema, the source version). */
  record Waiting(Reason reason, String message) implements Outcome {
    @Override
    public PromotionPhase phase() {
      return PromotionPhase.Pending;
    }

    @Override
    public boolean retry() {
      return true;
    }
  }

  /** Cannot promote: {@code retry} when the cause may pass (an outage). */
  record Failed(Reason reason, String message, boolean retry, Optional<Assessment> assessment)
      implements Outcome {
    Failed(Reason reason, String message, boolean retry) {
      this(reason, message, retry, Optional.empty());
    }

    @Override
    public PromotionPhase phase() {
      return PromotionPhase.Failed;
    }
  }

  /** The impact blocks it until the {@code missing} owners approve. */
  record Blocked(Assessment graded, List<String> missing, String message) implements Outcome {
    public Blocked {
      missing = List.copyOf(missing);
    }

    @Override
    public PromotionPhase phase() {
      return PromotionPhase.Blocked;
    }

    @Override
    public Reason reason() {
      return Reason.AwaitingApproval;
    }

    @Override
    public Optional<Assessment> assessment() {
      return Optional.of(graded);
    }
  }

  /** Every required owner approved: shown and announced once, before the target is touched. */
  record Approved(Assessment graded, String message) implements Outcome {
    @Override
    public PromotionPhase phase() {
      return PromotionPhase.Approved;
    }

    @Override
    public Reason reason() {
      return Reason.ApprovedByOwners;
    }

    @Override
    public Optional<Assessment> assessment() {
      return Optional.of(graded);
    }
  }

  /**
   * The target holds the content: {@code Promoted}, {@code PromotedAfterApproval} or {@code
   * AlreadyPromoted}.
   */
  record Promoted(Reason reason, String message, Assessment graded, Registered registered)
      implements Outcome {
    @Override
    public PromotionPhase phase() {
      return PromotionPhase.Promoted;
    }

    @Override
    public Optional<Assessment> assessment() {
      return Optional.of(graded);
    }
  }

  /** What the target registry holds after promotion. */
  record Registered(String fingerprint, int version, int id) {}
}
