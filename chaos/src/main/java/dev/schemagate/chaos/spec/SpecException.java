package dev.schemagate.chaos.spec;

/** A runbook or SLA file that cannot be used; the message names the file, line and field. */
public final class SpecException extends RuntimeException {
  public SpecException(String message) {
    super(message);
  }
}
