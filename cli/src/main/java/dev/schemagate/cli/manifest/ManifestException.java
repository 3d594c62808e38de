package dev.schemagate.cli.manifest;

/**
 * A manifest or raw schema file that cannot be used as it is (malformed YAML, a DataSchema whose
 * ConfigMap is missing, an unknown format): the message names the file and, where known, the line.
 */
public final class ManifestException extends RuntimeException {
  /** Why the file was refused. */
  public enum Reason {
    MALFORMED_YAML,
    INVALID_MANIFEST,
    MISSING_CONFIGMAP,
    MISSING_REFERENCE,
    NO_SCHEMA
  }

  private final Reason reason;

  public ManifestException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
