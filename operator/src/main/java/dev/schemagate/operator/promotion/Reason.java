package dev.schemagate.operator.promotion;

import dev.schemagate.crds.v1alpha1.Severity;
import dev.schemagate.operator.status.ConditionReason;
import dev.schemagate.registry.client.RegistryException;

/** Every {@code reason} a Promotion condition can carry (CamelCase, as Kubernetes expects). */
public enum Reason implements ConditionReason {
  /** Registered in the target registry; no approval was needed. */
  Promoted,
  /** Registered in the target registry after every required owner approved. */
  PromotedAfterApproval,
  /** The target registry already held the content: nothing to register. */
  AlreadyPromoted,
  /** The impact blocks the promotion until {@code spec.approvals} names the listed owners. */
  AwaitingApproval,
  /** Every owner the assessment requires approved; the next pass registers. */
  ApprovedByOwners,
  /** The impact does not require approval. */
  NotRequired,
  /** Impact graded: nothing downstream reads a changed field. */
  GradedNone,
  /** Impact graded LOW by the severity policy. */
  GradedLow,
  /** Impact graded MEDIUM by the severity policy. */
  GradedMedium,
  /** Impact graded HIGH by the severity policy. */
  GradedHigh,
  /** Impact graded CRITICAL by the severity policy. */
  GradedCritical,
  /**
   * {@code spec.from} or {@code spec.to} is not in {@code SCHEMAGATE_ENVIRONMENTS}; not retried.
   */
  UnknownEnvironment,
  /** {@code spec.schemaRef} names no DataSchema in the namespace; waits for one. */
  DataSchemaNotFound,
  /** The source registry has no such version of the subject; waits for it. */
  VersionNotFound,
  /** The promoted version, or the target's latest version, does not parse; not retried. */
  InvalidSchema,
  /** A registry (source or target, named in the message) did not answer; retried. */
  RegistryUnreachable,
  /** The target registry refused the schema (incompatible, invalid, read-only); not retried. */
  RegistryRejected,
  /** A registry refused the operator's credentials (401) or permission (403); not retried. */
  RegistryNotAuthorized,
  /** The lineage API did not answer, so the impact cannot be graded: not promoting; retried. */
  LineageUnavailable;

  /** The Assessed condition's reason for a grade. */
  static Reason graded(Severity severity) {
    return switch (severity) {
      case NONE -> GradedNone;
      case LOW -> GradedLow;
      case MEDIUM -> GradedMedium;
      case HIGH -> GradedHigh;
      case CRITICAL -> GradedCritical;
    };
  }

  /** The reason of a registry failure; {@code unavailable} is the word for an outage. */
  static Reason of(RegistryException e, Reason unavailable) {
    return switch (e.reason()) {
      case UNAVAILABLE -> unavailable;
      case NOT_AUTHORIZED -> RegistryNotAuthorized;
      case NOT_FOUND, INCOMPATIBLE, INVALID, FORBIDDEN_BY_MODE -> RegistryRejected;
    };
  }
}
