package dev.schemagate.core.config;

/**
 * A setting whose value cannot be used. The message is one line that names the variable, the value
 * and what would be accepted; a server prints it and exits with code 2, without a stack trace.
 */
public final class ConfigException extends IllegalArgumentException {
  private final String variable;

  public ConfigException(String variable, String message) {
    super(message);
    this.variable = variable;
  }

  /** The setting at fault, e.g. {@code SCHEMAGATE_LOG_LEVEL}. */
  public String variable() {
    return variable;
  }
}
