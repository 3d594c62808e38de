package dev.schemagate.registry.server.registry;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import java.util.List;

/** A schema as stored under its global id. */
public record StoredSchema(
    int id,
    SchemaFormat format,
    String schema,
    String fingerprint,
    List<SchemaReference> references) {
  public StoredSchema {
    references = List.copyOf(references);
  }
}
