package dev.schemagate.cli;

/**
 * Bad input the user can fix (a missing file, an unparsable schema, an unknown mode): printed as
 * one line on stderr, exit code 2.
 */
final class CliException extends RuntimeException {
  enum Reason {
    USAGE,
    UNREADABLE_FILE,
    INVALID_SCHEMA
  }

  private final Reason reason;

  CliException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
