package dev.schemagate.core.schema;

/**
 * A schema that parsed, with its canonical form and content address. Obtain one from {@link
 * SchemaParser}; implementations live in this package, one per {@link SchemaFormat}.
 */
public interface ParsedSchema {
  SchemaFormat format();

  /** The text as the user wrote it. */
  String text();

  /**
   * Deterministic text: key order and whitespace normalised, everything that carries meaning kept
   * (defaults, logical types, enum symbols, required entries, docs).
   */
  String canonicalForm();

  Fingerprint fingerprint();
}
