package dev.schemagate.registry.server.storage;

import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.registry.server.registry.StoredSchema;
import dev.schemagate.registry.server.registry.SubjectVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Listing versions across subjects (Confluent's {@code GET /schemas}), in subject order. */
public final class SchemaSearch {
  private final SchemaRepository schemas;

  public SchemaSearch(SchemaRepository schemas) {
    this.schemas = schemas;
  }

  /**
   * Versions of subjects starting with {@code prefix}, by subject then version; {@code latestOnly}
   * keeps each subject's highest version. {@code offset}/{@code limit} apply after filtering.
   */
  public List<SubjectVersion> versions(
      Connection c,
      String prefix,
      boolean includeDeleted,
      boolean latestOnly,
      int offset,
      int limit)
      throws SQLException {
    String select =
        "SELECT "
            + (latestOnly ? "DISTINCT ON (v.subject) " : "")
            + "v.subject, v.version, v.deleted, "
            + SchemaRepository.SCHEMA_COLUMNS
            + " FROM subject_versions v JOIN schemas s ON s.id = v.schema_id"
            + " WHERE starts_with(v.subject, ?) AND (? OR NOT v.deleted)"
            + (latestOnly
                ? " ORDER BY v.subject, v.version DESC"
                : " ORDER BY v.subject, v.version")
            + " OFFSET ? LIMIT ?";
    try (PreparedStatement ps = c.prepareStatement(select)) {
      ps.setString(1, prefix);
      ps.setBoolean(2, includeDeleted);
      ps.setInt(3, offset);
      ps.setInt(4, limit);
      // the page first, then the references of all its schemas in one query (not one per row)
      List<SubjectVersion> versions = new ArrayList<>();
      Set<Integer> ids = new LinkedHashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          versions.add(
              new SubjectVersion(
                  rs.getString(1),
                  rs.getInt(2),
                  schemas.schemaFrom(rs, 4, List.of()),
                  rs.getBoolean(3)));
          ids.add(rs.getInt(4));
        }
      }
      Map<Integer, List<SchemaReference>> references = schemas.references(c, ids);
      if (references.isEmpty()) {
        return versions;
      }
      List<SubjectVersion> withReferences = new ArrayList<>(versions.size());
      for (SubjectVersion v : versions) {
        List<SchemaReference> refs = references.getOrDefault(v.schema().id(), List.of());
        StoredSchema s = v.schema();
        withReferences.add(
            refs.isEmpty()
                ? v
                : new SubjectVersion(
                    v.subject(),
                    v.version(),
                    new StoredSchema(
                        s.id(), s.format(), s.schema(), s.fingerprint(), refs, s.contract()),
                    v.deleted()));
      }
      return withReferences;
    }
  }
}
