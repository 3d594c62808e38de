package dev.schemagate.sdk;

import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.sdk.SerdeException.Reason;

/**
 * What a serde asks the registry, with registry failures turned into {@link SerdeException}s that
 * say what to do. Serdes call it only on a cache miss of their own; the client caches underneath.
 */
public final class RegistryAccess implements AutoCloseable {
  private final SchemaRegistryClient client;
  private final boolean ownsClient;
  private final boolean autoRegister;

  public RegistryAccess(SdkConfig config) {
    this.client = config.client();
    this.ownsClient = config.ownsClient();
    this.autoRegister = config.autoRegister();
  }

  /** The id of this schema under the subject: registered when allowed, else looked up. */
  public int idFor(String subject, SchemaSubmission schema) {
    try {
      if (autoRegister) {
        return client.register(subject, schema, false);
      }
      return client
          .lookup(subject, schema)
          .map(RegisteredSchema::id)
          .orElseThrow(
              () ->
                  new SerdeException(
                      Reason.NOT_REGISTERED,
                      ("the record's schema is not registered under subject '%s' and %s is false: "
                              + "register it first (e.g. a DataSchema resource) or enable %s")
                          .formatted(subject, SdkConfig.AUTO_REGISTER, SdkConfig.AUTO_REGISTER)));
    } catch (RegistryException e) {
      throw translate("subject '%s'".formatted(subject), e);
    }
  }

  /** The latest schema registered under the subject. */
  public RegisteredSchema latest(String subject) {
    try {
      return client
          .latest(subject)
          .orElseThrow(
              () ->
                  new SerdeException(
                      Reason.NOT_REGISTERED,
                      "subject '%s' has no registered version (%s is true)"
                          .formatted(subject, SdkConfig.USE_LATEST_VERSION)));
    } catch (RegistryException e) {
      throw translate("the latest version of subject '%s'".formatted(subject), e);
    }
  }

  /** The schema a record's id names. */
  public SchemaSubmission byId(int id) {
    try {
      return client
          .schemaById(id)
          .orElseThrow(
              () ->
                  new SerdeException(
                      Reason.UNKNOWN_SCHEMA_ID,
                      "schema id %d is unknown to the registry".formatted(id),
                      null,
                      id,
                      null));
    } catch (RegistryException e) {
      throw translate("schema id %d".formatted(id), e);
    }
  }

  private static SerdeException translate(String what, RegistryException e) {
    return switch (e.reason()) {
      case UNAVAILABLE ->
          new SerdeException(
              Reason.REGISTRY_UNAVAILABLE,
              "schema registry unavailable and %s is not cached: %s"
                  .formatted(what, e.getMessage()),
              e);
      case NOT_FOUND ->
          new SerdeException(Reason.NOT_REGISTERED, "%s: %s".formatted(what, e.getMessage()), e);
      case INCOMPATIBLE, INVALID, FORBIDDEN_BY_MODE, NOT_AUTHORIZED ->
          new SerdeException(
              Reason.REGISTRY_REFUSED,
              "the registry refused %s: %s".formatted(what, e.getMessage()),
              e);
    };
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
