package dev.schemagate.registry.server.registry;

/**
 * Every refusal the registry makes, with a reason that fixes its HTTP status and Confluent error
 * code. Mapped to the wire in one place ({@code api.ErrorMapper}).
 */
public final class RegistryServerException extends RuntimeException {

  /** Confluent's error codes (see its {@code Errors} class), plus plain HTTP ones for the rest. */
  public enum Reason {
    MALFORMED_REQUEST(400, 400),
    SUBJECT_NOT_FOUND(404, 40401),
    VERSION_NOT_FOUND(404, 40402),
    SCHEMA_NOT_FOUND(404, 40403),
    SUBJECT_SOFT_DELETED(404, 40404),
    SUBJECT_NOT_SOFT_DELETED(404, 40405),
    VERSION_SOFT_DELETED(404, 40406),
    VERSION_NOT_SOFT_DELETED(404, 40407),
    SUBJECT_COMPATIBILITY_NOT_CONFIGURED(404, 40408),
    SUBJECT_MODE_NOT_CONFIGURED(404, 40409),
    NO_SUCH_ENDPOINT(404, 404),
    METHOD_NOT_ALLOWED(405, 405),
    INCOMPATIBLE_SCHEMA(409, 409),
    REQUEST_TOO_LARGE(413, 413),
    INVALID_SCHEMA(422, 42201),
    INVALID_VERSION(422, 42202),
    INVALID_COMPATIBILITY_LEVEL(422, 42203),
    INVALID_MODE(422, 42204),
    OPERATION_NOT_PERMITTED(422, 42205),
    REFERENCE_EXISTS(422, 42206),
    ID_DOES_NOT_MATCH(422, 42207),
    INVALID_SUBJECT(422, 42208),
    INVALID_RULE_SET(422, 42210),
    UNAUTHORIZED(401, 40101),
    FORBIDDEN(403, 40301),
    UNSUPPORTED_MEDIA_TYPE(415, 415),
    SCHEMA_TOO_COMPLEX(422, 42201),
    STORE_ERROR(500, 50001),
    STORE_TIMEOUT(500, 50002),
    /** PostgreSQL cannot be reached: 503 with {@code Retry-After}, which clients retry. */
    STORE_UNAVAILABLE(503, 50003);

    private final int httpStatus;
    private final int errorCode;

    Reason(int httpStatus, int errorCode) {
      this.httpStatus = httpStatus;
      this.errorCode = errorCode;
    }

    public int httpStatus() {
      return httpStatus;
    }

    public int errorCode() {
      return errorCode;
    }
  }

  private final Reason reason;

  public RegistryServerException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RegistryServerException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public static RegistryServerException subjectNotFound(String subject) {
    return new RegistryServerException(
        Reason.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  public static RegistryServerException versionNotFound(int version) {
    return new RegistryServerException(
        Reason.VERSION_NOT_FOUND, "Version " + version + " not found.");
  }

  public static RegistryServerException schemaNotFound() {
    return new RegistryServerException(Reason.SCHEMA_NOT_FOUND, "Schema not found");
  }

  public static RegistryServerException schemaNotFound(int id) {
    return new RegistryServerException(Reason.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
  }

  public static RegistryServerException invalidVersion(String version) {
    return new RegistryServerException(
        Reason.INVALID_VERSION,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"");
  }

  public static RegistryServerException invalidSchema(String message) {
    return new RegistryServerException(Reason.INVALID_SCHEMA, message);
  }

  /** Bad metadata or ruleSet (Confluent's 42210), naming the field and the problem. */
  public static RegistryServerException invalidRuleSet(String message) {
    return new RegistryServerException(Reason.INVALID_RULE_SET, "Invalid rule set: " + message);
  }

  public static RegistryServerException notPermitted(String message) {
    return new RegistryServerException(Reason.OPERATION_NOT_PERMITTED, message);
  }

  public static RegistryServerException malformed(String message) {
    return new RegistryServerException(Reason.MALFORMED_REQUEST, message);
  }
}
