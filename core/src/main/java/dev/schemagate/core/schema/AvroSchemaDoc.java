package dev.schemagate.core.schema;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A parsed Avro schema. {@link #schema()} is Apache Avro's own model, with every named type from
 * the references resolved into it.
 */
public record AvroSchemaDoc(
    String text, Schema schema, String canonicalForm, Fingerprint fingerprint)
    implements ParsedSchema {
  public AvroSchemaDoc {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(canonicalForm, "canonicalForm");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  @Override
  public SchemaFormat format() {
    return SchemaFormat.AVRO;
  }
}
