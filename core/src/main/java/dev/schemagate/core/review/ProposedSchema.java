package dev.schemagate.core.review;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import java.util.Map;
import java.util.Objects;

/**
 * A schema someone wants registered under {@code subject} at {@code level}.
 *
 * @param references each reference name mapped to the resolved text of the schema it names
 */
public record ProposedSchema(
    String subject,
    SchemaFormat format,
    String schema,
    CompatibilityLevel level,
    Map<String, String> references) {
  public ProposedSchema {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(level, "level");
    references = Map.copyOf(references);
  }

  public ProposedSchema(
      String subject, SchemaFormat format, String schema, CompatibilityLevel level) {
    this(subject, format, schema, level, Map.of());
  }
}
