package dev.schemagate.core.contract;

/**
 * A field of a schema, top-level or nested.
 *
 * @param path dot-separated from the top-level record or object, e.g. {@code customer.address.city}
 *     (array and map elements are reached through the field that holds them, e.g. {@code
 *     lines.sku})
 * @param type the format's own type name: Avro's logical type where there is one (e.g. {@code
 *     timestamp-millis}), else its type ({@code string}, {@code record}, {@code array<string>});
 *     JSON Schema's {@code type} (with {@code format} in parentheses where given)
 * @param nullable whether null is allowed (an Avro union with null, a JSON type list with null)
 * @param required whether every record carries the field: always for Avro (a reader fills in a
 *     default), only when listed in {@code required} for JSON Schema
 */
public record SchemaField(String path, String type, boolean nullable, boolean required) {
  /** A field every record carries (all Avro fields; JSON Schema properties listed as required). */
  public SchemaField(String path, String type, boolean nullable) {
    this(path, type, nullable, true);
  }

  /** Whether a value is always there and never null: what a {@code not_null} column may claim. */
  public boolean alwaysPresent() {
    return required && !nullable;
  }
}
