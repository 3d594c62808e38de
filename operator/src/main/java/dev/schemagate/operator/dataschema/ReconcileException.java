package dev.schemagate.operator.dataschema;

/** A reconcile that cannot finish; {@link #reason()} becomes the Ready condition's reason. */
public class ReconcileException extends Exception {
  private final Reason reason;

  public ReconcileException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ReconcileException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
