package dev.schemagate.core.review;

/**
 * Why a change was refused. {@link #code()} is the CamelCase reason shown to users (admission
 * status, conditions); {@link #httpStatus()} is what an HTTP edge answers with.
 */
public enum DenialReason {
  /** The schema text does not parse or is not a valid schema of its format. */
  INVALID_SCHEMA("InvalidSchema", 422),
  /** The schema breaks the subject's compatibility level. */
  INCOMPATIBLE("Incompatible", 409),
  /** The resource's spec is malformed (a missing or mistyped field), named by its path. */
  INVALID_SPEC("InvalidSpec", 422),
  /** A field that may not change after creation was changed (subject, format). */
  IMMUTABLE_FIELD("ImmutableField", 422),
  /** A data contract names fields the schema lacks, has bad rule parameters, or no owner. */
  INVALID_CONTRACT("InvalidContract", 422),
  /** A referenced DataSchema, subject or version does not exist. */
  NOT_FOUND("NotFound", 404),
  /** A promotion between unknown environments or out of order. */
  INVALID_PROMOTION("InvalidPromotion", 422),
  /**
   * The schema, or checking it, went past a protective bound (nesting depth, size, a regular
   * expression's time, the review's deadline): refused, naming the limit, rather than served
   * slowly.
   */
  SCHEMA_TOO_COMPLEX("SchemaTooComplex", 422),
  /**
   * The check did not finish within the deadline of the edge that runs it (the webhook answers
   * before the API server's {@code timeoutSeconds}): refused, saying so, rather than left hanging.
   */
  CHECK_TIMED_OUT("CheckTimedOut", 503),
  /** The registry (or the Kubernetes API) could not be asked in time: no judgement possible. */
  UNAVAILABLE("Unavailable", 503),
  /** The request itself is malformed or of a kind this reviewer does not handle. */
  BAD_REQUEST("BadRequest", 400);

  private final String code;
  private final int httpStatus;

  DenialReason(String code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
