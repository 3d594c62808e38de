package dev.schemagate.sdk;

import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Why the SDK refused to serialize or could not deserialize a record. It is a Kafka {@link
 * SerializationException}, so {@code producer.send} throws it to the caller, and {@link #reason()}
 * is what the dead-letter consumer writes into its headers.
 */
public class SerdeException extends SerializationException {
  public enum Reason {
    /** The record breaks its schema; {@link #violation()} names the field path and the rule. */
    INVALID_RECORD,
    /** The schema is not registered under the subject and auto-registration is off. */
    NOT_REGISTERED,
    /** The schema id in the record is unknown to the registry. */
    UNKNOWN_SCHEMA_ID,
    /** The registry could not be reached and the schema was not cached. */
    REGISTRY_UNAVAILABLE,
    /** The registry refused the schema (incompatible, invalid, or read-only mode). */
    REGISTRY_REFUSED,
    /** The bytes are not a valid record in the wire format (short, wrong magic byte, truncated). */
    MALFORMED,
    /** A value of a Java type this serializer does not handle. */
    UNSUPPORTED_TYPE
  }

  /** Where in a record a rule is broken: a JSON-pointer path, the rule's name, and a message. */
  public record Violation(String path, String rule, String message) {
    @Override
    public String toString() {
      return "%s: %s (%s)".formatted(path.isEmpty() ? "/" : path, message, rule);
    }
  }

  private final Reason reason;
  private final Violation violation;
  private final Integer schemaId;

  public SerdeException(Reason reason, String message) {
    this(reason, message, null, null, null);
  }

  public SerdeException(Reason reason, String message, Throwable cause) {
    this(reason, message, null, null, cause);
  }

  public SerdeException(
      Reason reason, String message, Violation violation, Integer schemaId, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.violation = violation;
    this.schemaId = schemaId;
  }

  public Reason reason() {
    return reason;
  }

  public Optional<Violation> violation() {
    return Optional.ofNullable(violation);
  }

  public OptionalInt schemaId() {
    return schemaId == null ? OptionalInt.empty() : OptionalInt.of(schemaId);
  }
}
