package dev.schemagate.core.review;

import dev.schemagate.core.schema.SchemaFormat;
import java.util.Map;
import java.util.Objects;

/** One version of a subject as the registry holds it, before parsing. */
public record RegisteredVersion(
    int version, SchemaFormat format, String schema, Map<String, String> references) {
  public RegisteredVersion {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(schema, "schema");
    references = Map.copyOf(references);
  }

  public RegisteredVersion(int version, SchemaFormat format, String schema) {
    this(version, format, schema, Map.of());
  }
}
