package dev.schemagate.cli.promote;

/** {@code promote} could not run (an unknown environment, an unreachable registry): exit 2. */
public final class PromoteException extends RuntimeException {
  /** What stopped the promotion. */
  public enum Reason {
    UNKNOWN_ENVIRONMENT,
    UNKNOWN_SUBJECT,
    REGISTRY_UNAVAILABLE,
    CLUSTER_UNAVAILABLE
  }

  private final Reason reason;

  public PromoteException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
