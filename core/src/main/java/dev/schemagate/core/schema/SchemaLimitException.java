package dev.schemagate.core.schema;

/**
 * A schema or a check on it went past a bound that protects the process (size, depth, a regular
 * expression's time): the input is refused, naming the limit, rather than served slowly.
 */
public final class SchemaLimitException extends RuntimeException {
  private final String limit;

  public SchemaLimitException(String limit, String message) {
    super(message);
    this.limit = limit;
  }

  /** The name of the limit that was reached, e.g. {@code regex-time} or {@code avro-depth}. */
  public String limit() {
    return limit;
  }
}
