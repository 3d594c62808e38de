package dev.schemagate.registry.server.storage;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.registry.server.registry.StoredSchema;
import dev.schemagate.registry.server.registry.SubjectVersion;
import dev.schemagate.registry.server.registry.contract.ContractJson;
import dev.schemagate.registry.server.registry.contract.Metadata;
import dev.schemagate.registry.server.registry.contract.RuleSet;
import dev.schemagate.registry.server.registry.contract.SchemaContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two reads behind the deserializers' hot lookups, by id and a subject's latest, each one
 * statement with the schema's references joined in: what a lookup that missed the response cache
 * costs in PostgreSQL round trips (it was two and three).
 */
public final class SchemaLookups {
  private static final String COLUMNS =
      SchemaRepository.SCHEMA_COLUMNS + ", r.name, r.subject, r.version";

  /**
   * A schema by id, if at least one version (soft-deleted ones included) still points at it: with
   * its references in the same statement (one round trip for a lookup that missed the cache).
   */
  public Optional<StoredSchema> schemaById(Connection c, int id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM schemas s LEFT JOIN schema_references r ON r.schema_id = s.id"
                + " WHERE s.id = ?"
                + " AND EXISTS (SELECT 1 FROM subject_versions v WHERE v.schema_id = s.id)"
                + " ORDER BY r.ordinal")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(schemaWithReferences(rs, 1)) : Optional.empty();
      }
    }
  }

  /**
   * The subject's latest live version with its schema and references, in one statement: what {@code
   * GET /subjects/{s}/versions/latest} needs when it misses the cache. Empty when the subject has
   * no live version.
   */
  public Optional<SubjectVersion> latestLive(Connection c, String subject) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT v.version, "
                + COLUMNS
                + " FROM (SELECT version, schema_id FROM subject_versions"
                + " WHERE subject = ? AND NOT deleted ORDER BY version DESC LIMIT 1) v"
                + " JOIN schemas s ON s.id = v.schema_id"
                + " LEFT JOIN schema_references r ON r.schema_id = s.id"
                + " ORDER BY r.ordinal")) {
      ps.setString(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int version = rs.getInt(1);
        return Optional.of(
            new SubjectVersion(subject, version, schemaWithReferences(rs, 2), false));
      }
    }
  }

  /** {@code s.*} then {@code r.*} of a schema LEFT JOIN its references, one row per reference. */
  private StoredSchema schemaWithReferences(ResultSet rs, int first) throws SQLException {
    int refs = first + 6;
    List<SchemaReference> references = new ArrayList<>();
    String schemaText = rs.getString(first + 2);
    int id = rs.getInt(first);
    SchemaFormat format = SchemaFormat.valueOf(rs.getString(first + 1));
    String fingerprint = rs.getString(first + 3);
    String metadata = rs.getString(first + 4);
    String ruleSet = rs.getString(first + 5);
    do {
      if (rs.getString(refs) != null) {
        references.add(
            new SchemaReference(rs.getString(refs), rs.getString(refs + 1), rs.getInt(refs + 2)));
      }
    } while (rs.next());
    return new StoredSchema(
        id,
        format,
        schemaText,
        fingerprint,
        references,
        new SchemaContract(
            ContractJson.parseStored(metadata, Metadata.class),
            ContractJson.parseStored(ruleSet, RuleSet.class)));
  }
}
