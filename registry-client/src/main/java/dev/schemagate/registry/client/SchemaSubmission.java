package dev.schemagate.registry.client;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import java.util.List;

/** What a client sends to register, look up or test a schema. */
public record SchemaSubmission(
    SchemaFormat format, String schema, List<SchemaReference> references) {
  public SchemaSubmission {
    references = List.copyOf(references);
  }

  public static SchemaSubmission of(SchemaFormat format, String schema) {
    return new SchemaSubmission(format, schema, List.of());
  }
}
