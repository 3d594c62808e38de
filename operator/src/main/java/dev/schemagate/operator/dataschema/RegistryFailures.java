package dev.schemagate.operator.dataschema;

import dev.schemagate.registry.client.RegistryException;
import java.time.Duration;

/** The one place where registry errors become condition reasons and messages. */
final class RegistryFailures {
  private RegistryFailures() {}

  static ReconcileException toReconcile(RegistryException e, String registryUrl, Duration retry) {
    return switch (e.reason()) {
      case UNAVAILABLE ->
          new ReconcileException(
              Reason.RegistryUnreachable,
              "cannot reach the schema registry at %s (%s); retrying every %ds"
                  .formatted(registryUrl, e.getMessage(), retry.toSeconds()),
              e);
      case INVALID, FORBIDDEN_BY_MODE, INCOMPATIBLE ->
          new ReconcileException(
              Reason.RegistryRejected,
              "the schema registry refused the request (error %d): %s"
                  .formatted(e.errorCode(), e.getMessage()),
              e);
      case NOT_AUTHORIZED ->
          new ReconcileException(
              Reason.RegistryNotAuthorized,
              "the schema registry at %s refused the operator's credentials (error %d): %s; check SCHEMAGATE_REGISTRY_USER / SCHEMAGATE_REGISTRY_PASSWORD / SCHEMAGATE_REGISTRY_TOKEN_FILE"
                  .formatted(registryUrl, e.errorCode(), e.getMessage()),
              e);
      case NOT_FOUND ->
          new ReconcileException(
              Reason.ReferenceNotFound,
              "the schema registry has no such subject or version: " + e.getMessage(),
              e);
    };
  }
}
