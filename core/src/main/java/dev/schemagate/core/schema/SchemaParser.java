package dev.schemagate.core.schema;

import java.util.Map;

/**
 * Parses schema text of a format. {@code references} maps each reference name (see {@link
 * SchemaReference#name()}) to the already-resolved text of the referenced schema.
 */
public interface SchemaParser {
  ParsedSchema parse(SchemaFormat format, String text, Map<String, String> references)
      throws InvalidSchemaException;

  default ParsedSchema parse(SchemaFormat format, String text) throws InvalidSchemaException {
    return parse(format, text, Map.of());
  }
}
