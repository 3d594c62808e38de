package dev.schemagate.cli.check;

/** A checkpoint that cannot run: the source or the contract is unusable. Exit code 2. */
public final class CheckException extends RuntimeException {
  public enum Reason {
    /** The table, file or column the check needs is not there. */
    NOT_FOUND,
    /** A file line (or a CSV record) that cannot be read; the message names its line. */
    MALFORMED_INPUT,
    /** The database cannot be reached or refused the query. */
    SOURCE_UNAVAILABLE,
    /** A source the checkpoint does not read. */
    UNSUPPORTED_SOURCE
  }

  private final Reason reason;

  public CheckException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
