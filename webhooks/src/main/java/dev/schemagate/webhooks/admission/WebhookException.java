package dev.schemagate.webhooks.admission;

/**
 * Something the webhook needs could not be had in time. The failure mode decides whether that
 * denies (fail closed) or admits with a warning (fail open); see {@link FailurePolicy}.
 */
public class WebhookException extends Exception {
  public enum Reason {
    /** The schema registry did not answer, or not in time. */
    REGISTRY_UNAVAILABLE,
    /**
     * The schema registry refused the webhooks' credentials or role (HTTP 401/403): a configuration
     * to fix, not an outage to wait out; the message says so.
     */
    REGISTRY_NOT_AUTHORIZED,
    /** The Kubernetes API did not answer, or not in time. */
    KUBERNETES_UNAVAILABLE,
    /** A fault of the webhook itself: a bug, reported rather than answered with a 500. */
    INTERNAL
  }

  private final Reason reason;

  public WebhookException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public WebhookException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
