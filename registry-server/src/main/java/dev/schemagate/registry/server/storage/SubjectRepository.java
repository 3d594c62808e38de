package dev.schemagate.registry.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Subjects and settings SQL: the subject row writers lock, per-subject and global settings. */
public final class SubjectRepository {

  /**
   * A subject's own settings (empty when it falls back to the global ones), read together with the
   * global ones so a write needs one round trip for both.
   */
  public record SubjectSettings(
      Optional<String> compatibility,
      Optional<String> mode,
      String globalCompatibility,
      String globalMode) {
    public String effectiveCompatibility() {
      return compatibility.orElse(globalCompatibility);
    }

    public String effectiveMode() {
      return mode.orElse(globalMode);
    }
  }

  private static final String GLOBALS =
      "(SELECT value FROM registry_settings WHERE name = 'compatibility'),"
          + " (SELECT value FROM registry_settings WHERE name = 'mode')";

  /** Creates the subject row if missing, then locks it: registrations in a subject serialise. */
  public SubjectSettings lockSubject(Connection c, String subject) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO subjects (name) VALUES (?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, subject);
      insert.executeUpdate();
    }
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT s.compatibility, s.mode, "
                + GLOBALS
                + " FROM subjects s WHERE s.name = ? FOR UPDATE OF s")) {
      lock.setString(1, subject);
      try (ResultSet rs = lock.executeQuery()) {
        rs.next();
        return settingsFrom(rs);
      }
    }
  }

  private static SubjectSettings settingsFrom(ResultSet rs) throws SQLException {
    return new SubjectSettings(
        Optional.ofNullable(rs.getString(1)),
        Optional.ofNullable(rs.getString(2)),
        rs.getString(3),
        rs.getString(4));
  }

  public SubjectSettings subjectSettings(Connection c, String subject) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.compatibility, s.mode, "
                + GLOBALS
                + " FROM (SELECT 1) one LEFT JOIN subjects s ON s.name = ?")) {
      ps.setString(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return settingsFrom(rs);
      }
    }
  }

  /** Sets (or with an empty value clears) a subject's compatibility or mode column. */
  public void setSubjectSetting(Connection c, String subject, String column, Optional<String> value)
      throws SQLException {
    if (!column.equals("compatibility") && !column.equals("mode")) {
      throw new IllegalArgumentException("not a subject setting: " + column);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO subjects (name, "
                + column
                + ") VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET "
                + column
                + " = EXCLUDED."
                + column)) {
      ps.setString(1, subject);
      ps.setString(2, value.orElse(null));
      ps.executeUpdate();
    }
  }

  public String globalSetting(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT value FROM registry_settings WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("registry setting '" + name + "' is missing", "02000");
        }
        return rs.getString(1);
      }
    }
  }

  public void setGlobalSetting(Connection c, String name, String value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO registry_settings (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value")) {
      ps.setString(1, name);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }

  public List<String> subjects(Connection c, boolean includeDeleted, String prefix)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT subject FROM subject_versions WHERE (? OR NOT deleted)"
                + " AND starts_with(subject, ?) ORDER BY subject")) {
      ps.setBoolean(1, includeDeleted);
      ps.setString(2, prefix);
      List<String> subjects = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          subjects.add(rs.getString(1));
        }
      }
      return subjects;
    }
  }

  public boolean anyVersionExists(Connection c, Optional<String> subject) throws SQLException {
    String sql =
        subject.isPresent()
            ? "SELECT EXISTS (SELECT 1 FROM subject_versions WHERE subject = ? AND NOT deleted)"
            : "SELECT EXISTS (SELECT 1 FROM subject_versions WHERE NOT deleted)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (subject.isPresent()) {
        ps.setString(1, subject.get());
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  public void deleteSubjectRow(Connection c, String subject) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM subjects WHERE name = ?")) {
      ps.setString(1, subject);
      ps.executeUpdate();
    }
  }
}
