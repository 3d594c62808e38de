package dev.schemagate.core.schema;

/**
 * A schema that does not parse or is not a valid schema of its format. The message names the
 * problem and, where the parser knows it, where it is (line and column, or a path).
 */
public class InvalidSchemaException extends Exception {
  public InvalidSchemaException(String message) {
    super(message);
  }

  public InvalidSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
