package dev.schemagate.registry.client;

/**
 * A registry call that did not succeed. {@link #reason()} is what callers branch on; {@link
 * #errorCode()} is the Confluent error code from the body (e.g. 40401, 409, 42201), or the HTTP
 * status where the body had none, or 0 when no answer came.
 */
public class RegistryException extends Exception {
  public enum Reason {
    /** Subject, version or schema not found (404xx). */
    NOT_FOUND,
    /** The schema is incompatible with the subject's history (409). */
    INCOMPATIBLE,
    /** The request was refused as invalid (422xx, 400). */
    INVALID,
    /** The registry is in a mode that forbids the operation (42205, READONLY). */
    FORBIDDEN_BY_MODE,
    /**
     * The registry refused the caller's credentials (401, 40101) or their permission (403, 40301):
     * fix the configuration; retrying the same call will not help.
     */
    NOT_AUTHORIZED,
    /** No answer in time, connection refused, or a 5xx: worth retrying later. */
    UNAVAILABLE
  }

  private final Reason reason;
  private final int errorCode;

  public RegistryException(Reason reason, int errorCode, String message) {
    super(message);
    this.reason = reason;
    this.errorCode = errorCode;
  }

  public RegistryException(Reason reason, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.errorCode = errorCode;
  }

  public Reason reason() {
    return reason;
  }

  public int errorCode() {
    return errorCode;
  }
}
