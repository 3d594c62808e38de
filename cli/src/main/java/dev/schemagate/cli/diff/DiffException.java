package dev.schemagate.cli.diff;

/**
 * The diff could not run (not a repository, an unknown ref, an unreachable registry): one line for
 * the user, exit code 2.
 */
public final class DiffException extends RuntimeException {
  /** What stopped the diff. */
  public enum Reason {
    NOT_A_REPOSITORY,
    UNKNOWN_REF,
    UNREADABLE_BLOB,
    BAD_CONFIG,
    REGISTRY_UNAVAILABLE,
    LINEAGE_UNAVAILABLE
  }

  private final Reason reason;

  public DiffException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
