package dev.schemagate.core.schema;

import dev.schemagate.core.config.Enums;
import java.util.Optional;

/** The schema languages schemagate understands; names match Confluent's {@code schemaType}. */
public enum SchemaFormat {
  AVRO,
  JSON;

  /** Confluent omits {@code schemaType} for Avro, so an absent or blank type means AVRO. */
  public static Optional<SchemaFormat> fromConfluentType(String schemaType) {
    if (schemaType == null || schemaType.isBlank()) {
      return Optional.of(AVRO);
    }
    return Enums.parse(SchemaFormat.class, schemaType);
  }
}
