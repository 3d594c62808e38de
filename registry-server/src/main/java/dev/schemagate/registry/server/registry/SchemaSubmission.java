package dev.schemagate.registry.server.registry;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.registry.server.registry.contract.SchemaContract;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a client sends to register, look up or test: the body of {@code POST
 * /subjects/{s}/versions}. {@code id} and {@code version} are honoured only in IMPORT mode; {@code
 * contract} is the metadata and ruleSet sent with it (Confluent data contracts).
 */
public record SchemaSubmission(
    SchemaFormat format,
    String schema,
    List<SchemaReference> references,
    OptionalInt id,
    OptionalInt version,
    SchemaContract contract) {
  public SchemaSubmission {
    references = List.copyOf(references);
  }

  public SchemaSubmission(
      SchemaFormat format,
      String schema,
      List<SchemaReference> references,
      OptionalInt id,
      OptionalInt version) {
    this(format, schema, references, id, version, SchemaContract.NONE);
  }

  public static SchemaSubmission of(SchemaFormat format, String schema) {
    return new SchemaSubmission(
        format, schema, List.of(), OptionalInt.empty(), OptionalInt.empty());
  }

  public Optional<Integer> explicitId() {
    return id.isPresent() ? Optional.of(id.getAsInt()) : Optional.empty();
  }
}
