package dev.schemagate.registry.server.registry;

import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.registry.server.storage.SchemaRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Turns Confluent references into the name-to-text map the parser wants, transitively. */
final class ReferenceResolver {
  private final SchemaRepository repository;

  ReferenceResolver(SchemaRepository repository) {
    this.repository = repository;
  }

  Map<String, String> resolve(Connection c, List<SchemaReference> references) throws SQLException {
    Map<String, String> resolved = new LinkedHashMap<>();
    collect(c, references, resolved, new HashSet<>());
    return resolved;
  }

  private void collect(
      Connection c,
      List<SchemaReference> references,
      Map<String, String> resolved,
      Set<String> visiting)
      throws SQLException {
    for (SchemaReference ref : references) {
      String key = ref.subject() + "@" + ref.version();
      if (!visiting.add(key)) {
        continue;
      }
      SubjectVersion target =
          repository
              .version(c, ref.subject(), OptionalInt.of(ref.version()), false)
              .filter(v -> !v.deleted())
              .orElseThrow(
                  () ->
                      RegistryServerException.invalidSchema(
                          "Invalid schema: reference '"
                              + ref.name()
                              + "' points at subject '"
                              + ref.subject()
                              + "' version "
                              + ref.version()
                              + ", which does not exist"));
      collect(c, target.schema().references(), resolved, visiting);
      resolved.put(ref.name(), target.schema().schema());
    }
  }
}
