package dev.schemagate.registry.server.registry;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.registry.server.registry.contract.SchemaContract;
import java.util.List;

/** A schema as stored under its global id, with its data contract (metadata, ruleSet). */
public record StoredSchema(
    int id,
    SchemaFormat format,
    String schema,
    String fingerprint,
    List<SchemaReference> references,
    SchemaContract contract) {
  public StoredSchema {
    references = List.copyOf(references);
  }

  public StoredSchema(
      int id,
      SchemaFormat format,
      String schema,
      String fingerprint,
      List<SchemaReference> references) {
    this(id, format, schema, fingerprint, references, SchemaContract.NONE);
  }
}
