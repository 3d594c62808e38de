package dev.schemagate.core.schema;

import java.util.Objects;

/**
 * A Confluent schema reference: {@code name} is how the referring schema names the type (an Avro
 * full name, or a JSON Schema {@code $ref} URL), resolved to {@code subject} at {@code version}.
 */
public record SchemaReference(String name, String subject, int version) {
  public SchemaReference {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
  }
}
