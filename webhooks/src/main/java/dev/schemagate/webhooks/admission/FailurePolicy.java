package dev.schemagate.webhooks.admission;

import dev.schemagate.core.review.Decision;
import dev.schemagate.core.review.DenialReason;
import java.util.List;

/**
 * What to answer when a dependency cannot be asked: the one mapping of {@link WebhookException}.
 */
public enum FailurePolicy {
  /** Deny, saying why: nothing unchecked gets in. The default. */
  CLOSED,
  /** Admit, with a warning that the change was not checked. */
  OPEN;

  public Decision decide(WebhookException failure) {
    String what =
        switch (failure.reason()) {
          case REGISTRY_UNAVAILABLE -> "the schema registry";
          case REGISTRY_NOT_AUTHORIZED ->
              "the schema registry refused the webhooks' credentials (check"
                  + " SCHEMAGATE_REGISTRY_USER/PASSWORD or the token file and the user's role)";
          case KUBERNETES_UNAVAILABLE -> "the Kubernetes API";
          case INTERNAL -> "the webhook itself";
        };
    return switch (this) {
      case CLOSED ->
          Decision.deny(
              DenialReason.UNAVAILABLE,
              failure.reason() == WebhookException.Reason.REGISTRY_NOT_AUTHORIZED
                  ? "cannot check this change: %s: %s; the webhook fails closed"
                      .formatted(what, failure.getMessage())
                  : "cannot check this change: %s failed (%s); the webhook fails closed, so"
                          .formatted(what, failure.getMessage())
                      + " retry when it is back");
      case OPEN ->
          Decision.allow(
              List.of(
                  "admitted WITHOUT checking: %s failed (%s); the webhook fails open"
                      .formatted(what, failure.getMessage())));
    };
  }
}
