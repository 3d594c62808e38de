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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The registry's SQL, one method per question; callers own connections and transactions. */
public final class SchemaRepository {

  /** One row of a subject's version list. */
  public record VersionRow(int version, int schemaId, boolean deleted) {}

  static final String SCHEMA_COLUMNS =
      "s.id, s.format, s.schema_text, s.fingerprint, s.metadata, s.rule_set";

  // ---- versions ----

  public List<VersionRow> versions(Connection c, String subject) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT version, schema_id, deleted FROM subject_versions WHERE subject = ?"
                + " ORDER BY version")) {
      ps.setString(1, subject);
      List<VersionRow> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new VersionRow(rs.getInt(1), rs.getInt(2), rs.getBoolean(3)));
        }
      }
      return rows;
    }
  }

  /** A version with its schema; {@code version} empty means the latest (live unless asked). */
  public Optional<SubjectVersion> version(
      Connection c, String subject, OptionalInt version, boolean includeDeleted)
      throws SQLException {
    String sql =
        "SELECT v.version, v.deleted, "
            + SCHEMA_COLUMNS
            + " FROM subject_versions v JOIN schemas s ON s.id = v.schema_id WHERE v.subject = ?"
            + (version.isPresent()
                ? " AND v.version = ?"
                : (includeDeleted ? "" : " AND NOT v.deleted")
                    + " ORDER BY v.version DESC LIMIT 1");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, subject);
      if (version.isPresent()) {
        ps.setInt(2, version.getAsInt());
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int number = rs.getInt(1);
        boolean deleted = rs.getBoolean(2);
        StoredSchema schema = schemaFrom(c, rs, 3);
        return Optional.of(new SubjectVersion(subject, number, schema, deleted));
      }
    }
  }

  /** The subject's versions pointing at a schema id, live first then by version. */
  public Optional<VersionRow> versionOfSchema(
      Connection c, String subject, int schemaId, boolean includeDeleted) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT version, schema_id, deleted FROM subject_versions WHERE subject = ?"
                + " AND schema_id = ? AND (? OR NOT deleted) ORDER BY deleted, version DESC"
                + " LIMIT 1")) {
      ps.setString(1, subject);
      ps.setInt(2, schemaId);
      ps.setBoolean(3, includeDeleted);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new VersionRow(rs.getInt(1), rs.getInt(2), rs.getBoolean(3)))
            : Optional.empty();
      }
    }
  }

  public int nextVersion(Connection c, String subject) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM subject_versions WHERE subject = ?")) {
      ps.setString(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  public boolean versionExists(Connection c, String subject, int version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM subject_versions WHERE subject = ? AND version = ?)")) {
      ps.setString(1, subject);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  public void insertVersion(Connection c, String subject, int version, int schemaId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO subject_versions (subject, version, schema_id) VALUES (?, ?, ?)")) {
      ps.setString(1, subject);
      ps.setInt(2, version);
      ps.setInt(3, schemaId);
      ps.executeUpdate();
    }
  }

  public void softDelete(Connection c, String subject, int version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE subject_versions SET deleted = true WHERE subject = ? AND version = ?")) {
      ps.setString(1, subject);
      ps.setInt(2, version);
      ps.executeUpdate();
    }
  }

  public void hardDelete(Connection c, String subject, int version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM subject_versions WHERE subject = ? AND version = ?")) {
      ps.setString(1, subject);
      ps.setInt(2, version);
      ps.executeUpdate();
    }
  }

  /** Ids of schemas whose live versions reference {@code subject} at {@code version}. */
  public List<Integer> referencedBy(Connection c, String subject, int version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT r.schema_id FROM schema_references r"
                + " JOIN subject_versions v ON v.schema_id = r.schema_id AND NOT v.deleted"
                + " WHERE r.subject = ? AND r.version = ? ORDER BY r.schema_id")) {
      ps.setString(1, subject);
      ps.setInt(2, version);
      List<Integer> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getInt(1));
        }
      }
      return ids;
    }
  }

  /** (subject, version) pairs that point at a schema id. */
  public List<SubjectVersionRef> versionsOfSchema(Connection c, int id, boolean includeDeleted)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT subject, version FROM subject_versions WHERE schema_id = ?"
                + " AND (? OR NOT deleted) ORDER BY subject, version")) {
      ps.setInt(1, id);
      ps.setBoolean(2, includeDeleted);
      List<SubjectVersionRef> refs = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          refs.add(new SubjectVersionRef(rs.getString(1), rs.getInt(2)));
        }
      }
      return refs;
    }
  }

  /** A (subject, version) pair. */
  public record SubjectVersionRef(String subject, int version) {}

  // ---- schemas ----

  /** The schema row reserving an id, whether or not any version still points at it. */
  public Optional<StoredSchema> schemaRowById(Connection c, int id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + SCHEMA_COLUMNS + " FROM schemas s WHERE s.id = ?")) {
      ps.setInt(1, id);
      return singleSchema(c, ps);
    }
  }

  public Optional<StoredSchema> schemaByFingerprint(Connection c, String fingerprint)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + SCHEMA_COLUMNS
                + " FROM schemas s WHERE s.fingerprint = ?"
                + " AND EXISTS (SELECT 1 FROM subject_versions v WHERE v.schema_id = s.id)"
                + " ORDER BY s.id LIMIT 1")) {
      ps.setString(1, fingerprint);
      return singleSchema(c, ps);
    }
  }

  public OptionalInt schemaIdByContentKey(Connection c, String contentKey) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM schemas WHERE content_key = ?")) {
      ps.setString(1, contentKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
      }
    }
  }

  public Optional<String> contentKeyOf(Connection c, int id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT content_key FROM schemas WHERE id = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * Inserts a schema under a fresh id from the sequence, or returns the id of identical content
   * (the unique content key decides, also between concurrent writers).
   */
  public int insertOrGetSchema(Connection c, NewSchema schema) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO schemas"
                + " (id, format, content_key, fingerprint, schema_text, metadata, rule_set)"
                + " VALUES (nextval('schema_id_seq'), ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (content_key) DO NOTHING RETURNING id")) {
      ps.setString(1, schema.format().name());
      ps.setString(2, schema.contentKey());
      ps.setString(3, schema.fingerprint());
      ps.setString(4, schema.text());
      setContract(ps, 5, schema.contract());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          int id = rs.getInt(1);
          insertReferences(c, id, schema.references());
          return id;
        }
      }
    }
    return schemaIdByContentKey(c, schema.contentKey())
        .orElseThrow(() -> new SQLException("schema vanished during insert", "40001"));
  }

  /** IMPORT mode: the schema under a caller-chosen id; the sequence moves past it. */
  public void insertSchemaWithId(Connection c, int id, NewSchema schema) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO schemas"
                + " (id, format, content_key, fingerprint, schema_text, metadata, rule_set)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, schema.format().name());
      ps.setString(3, schema.contentKey());
      ps.setString(4, schema.fingerprint());
      ps.setString(5, schema.text());
      setContract(ps, 6, schema.contract());
      ps.executeUpdate();
    }
    insertReferences(c, id, schema.references());
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT setval('schema_id_seq', GREATEST(?, (SELECT last_value FROM schema_id_seq)))")) {
      ps.setInt(1, id);
      ps.executeQuery().close();
    }
  }

  /**
   * A schema about to be stored. {@code contentKey} already holds the contract's part (see {@link
   * #withContract}).
   */
  public record NewSchema(
      SchemaFormat format,
      String contentKey,
      String fingerprint,
      String text,
      List<SchemaReference> references,
      SchemaContract contract) {
    public NewSchema(
        SchemaFormat format,
        String contentKey,
        String fingerprint,
        String text,
        List<SchemaReference> references) {
      this(format, contentKey, fingerprint, text, references, SchemaContract.NONE);
    }

    /** The same content under a contract: metadata and ruleSet are part of the identity. */
    public NewSchema withContract(SchemaContract newContract) {
      String baseKey = contentKey.substring(0, contentKey.length() - contract.keySuffix().length());
      return new NewSchema(
          format, baseKey + newContract.keySuffix(), fingerprint, text, references, newContract);
    }
  }

  private static void setContract(PreparedStatement ps, int first, SchemaContract contract)
      throws SQLException {
    ps.setString(first, contract.metadata().map(ContractJson::write).orElse(null));
    ps.setString(first + 1, contract.ruleSet().map(ContractJson::write).orElse(null));
  }

  private void insertReferences(Connection c, int id, List<SchemaReference> references)
      throws SQLException {
    if (references.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO schema_references (schema_id, ordinal, name, subject, version)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < references.size(); i++) {
        SchemaReference ref = references.get(i);
        ps.setInt(1, id);
        ps.setInt(2, i);
        ps.setString(3, ref.name());
        ps.setString(4, ref.subject());
        ps.setInt(5, ref.version());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private Optional<StoredSchema> singleSchema(Connection c, PreparedStatement ps)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(schemaFrom(c, rs, 1)) : Optional.empty();
    }
  }

  StoredSchema schemaFrom(Connection c, ResultSet rs, int first) throws SQLException {
    return schemaFrom(rs, first, references(c, rs.getInt(first)));
  }

  /** A schema from {@link #SCHEMA_COLUMNS} at {@code first}, with references read beforehand. */
  StoredSchema schemaFrom(ResultSet rs, int first, List<SchemaReference> references)
      throws SQLException {
    return new StoredSchema(
        rs.getInt(first),
        SchemaFormat.valueOf(rs.getString(first + 1)),
        rs.getString(first + 2),
        rs.getString(first + 3),
        references,
        new SchemaContract(
            ContractJson.parseStored(rs.getString(first + 4), Metadata.class),
            ContractJson.parseStored(rs.getString(first + 5), RuleSet.class)));
  }

  /** The references of many schemas in one query (a page of {@code GET /schemas}). */
  Map<Integer, List<SchemaReference>> references(Connection c, Collection<Integer> schemaIds)
      throws SQLException {
    Map<Integer, List<SchemaReference>> refs = new HashMap<>();
    if (schemaIds.isEmpty()) {
      return refs;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT schema_id, name, subject, version FROM schema_references"
                + " WHERE schema_id = ANY(?) ORDER BY schema_id, ordinal")) {
      ps.setArray(1, c.createArrayOf("int4", schemaIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          refs.computeIfAbsent(rs.getInt(1), id -> new ArrayList<>())
              .add(new SchemaReference(rs.getString(2), rs.getString(3), rs.getInt(4)));
        }
      }
    }
    return refs;
  }

  private List<SchemaReference> references(Connection c, int schemaId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT name, subject, version FROM schema_references WHERE schema_id = ?"
                + " ORDER BY ordinal")) {
      ps.setInt(1, schemaId);
      List<SchemaReference> refs = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          refs.add(new SchemaReference(rs.getString(1), rs.getString(2), rs.getInt(3)));
        }
      }
      return refs;
    }
  }
}
