package dev.schemagate.core.contract;

import dev.schemagate.core.format.Formats;
import dev.schemagate.core.schema.ParsedSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists every field of a schema, nested ones included, with its type: what data contracts, the
 * lineage graph and the dbt export name columns by. Each format's lister is its provider's (see
 * {@link Formats}).
 */
public final class SchemaFields {
  private SchemaFields() {}

  /** Every field of {@code schema}, parents before children, in declaration order. */
  public static List<SchemaField> of(ParsedSchema schema) {
    return Formats.of(schema.format()).fields(schema);
  }

  /** The field paths of {@code schema}, for membership checks. */
  public static Set<String> paths(ParsedSchema schema) {
    Set<String> paths = new HashSet<>();
    of(schema).forEach(f -> paths.add(f.path()));
    return paths;
  }
}
