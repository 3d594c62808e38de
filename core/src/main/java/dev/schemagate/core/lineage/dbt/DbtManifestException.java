package dev.schemagate.core.lineage.dbt;

/** A manifest or catalog that cannot be read; the message names the file's problem and where. */
public final class DbtManifestException extends Exception {
  public DbtManifestException(String message) {
    super(message);
  }
}
