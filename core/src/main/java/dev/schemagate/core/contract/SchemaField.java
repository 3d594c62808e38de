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
 */
public record SchemaField(String path, String type, boolean nullable) {}
