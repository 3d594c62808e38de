package dev.schemagate.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed JSON Schema document. {@link #root()} is the schema as a Jackson tree; {@link
 * #references()} holds each referenced document by its reference name (the {@code $ref} URL it is
 * known by), already validated.
 */
public record JsonSchemaDoc(
    String text,
    JsonNode root,
    JsonSchemaDraft draft,
    Map<String, JsonNode> references,
    String canonicalForm,
    Fingerprint fingerprint)
    implements ParsedSchema {
  public JsonSchemaDoc {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(draft, "draft");
    references = Map.copyOf(references);
    Objects.requireNonNull(canonicalForm, "canonicalForm");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  @Override
  public SchemaFormat format() {
    return SchemaFormat.JSON;
  }
}
