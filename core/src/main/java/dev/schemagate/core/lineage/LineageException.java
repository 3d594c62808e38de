package dev.schemagate.core.lineage;

/** Bad lineage input: an OpenLineage event or a severity policy that cannot be used. */
public class LineageException extends Exception {
  public enum Reason {
    /** An OpenLineage run event that is not well formed; the message names the problem. */
    MALFORMED_EVENT,
    /** A severity policy that does not parse or contradicts itself. */
    INVALID_POLICY
  }

  private final Reason reason;

  public LineageException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public LineageException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
