package dev.schemagate.cli.diff;

import dev.schemagate.cli.manifest.SchemaManifest;
import dev.schemagate.core.schema.ParsedSchema;
import java.util.List;
import java.util.Optional;

/**
 * What a changed schema is checked against: the base's version, or the registry's full history for
 * the subject (which the transitive levels need).
 */
public interface SchemaHistory {
  /**
   * The versions to check {@code subject} against, oldest first, and a label for the report; empty
   * when there is nothing to check against.
   */
  Optional<Versions> versions(String subject, Optional<SchemaManifest> base);

  /** Versions and where they came from. */
  record Versions(List<ParsedSchema> schemas, String source) {
    public Versions {
      schemas = List.copyOf(schemas);
    }
  }
}
