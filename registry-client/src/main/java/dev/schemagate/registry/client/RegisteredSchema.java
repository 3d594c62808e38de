package dev.schemagate.registry.client;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import java.util.List;

/** A schema as a registry holds it under a subject. */
public record RegisteredSchema(
    String subject,
    int version,
    int id,
    SchemaFormat format,
    String schema,
    List<SchemaReference> references) {
  public RegisteredSchema {
    references = List.copyOf(references);
  }
}
