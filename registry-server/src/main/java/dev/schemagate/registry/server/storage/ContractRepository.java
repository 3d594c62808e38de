package dev.schemagate.registry.server.storage;

import dev.schemagate.registry.server.registry.contract.ContractConfig;
import dev.schemagate.registry.server.registry.contract.ContractJson;
import dev.schemagate.registry.server.registry.contract.Metadata;
import dev.schemagate.registry.server.registry.contract.RuleSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Config-level data-contract parts (defaultMetadata, overrideMetadata, defaultRuleSet,
 * overrideRuleSet), global and per subject, stored as canonical JSON text.
 */
public final class ContractRepository {

  /** The four fields: Confluent's JSON name and the subjects column holding it. */
  public enum Field {
    DEFAULT_METADATA("defaultMetadata", "default_metadata"),
    OVERRIDE_METADATA("overrideMetadata", "override_metadata"),
    DEFAULT_RULE_SET("defaultRuleSet", "default_rule_set"),
    OVERRIDE_RULE_SET("overrideRuleSet", "override_rule_set");

    private final String jsonName;
    private final String column;

    Field(String jsonName, String column) {
      this.jsonName = jsonName;
      this.column = column;
    }

    public String jsonName() {
      return jsonName;
    }
  }

  private static final String SUBJECT_COLUMNS =
      "default_metadata, override_metadata, default_rule_set, override_rule_set";

  public ContractConfig global(Connection c) throws SQLException {
    String[] values = new String[4];
    try (PreparedStatement ps =
        c.prepareStatement("SELECT name, value FROM registry_settings WHERE name = ANY (?)")) {
      ps.setArray(
          1,
          c.createArrayOf("text", List.of(Field.values()).stream().map(Field::jsonName).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          for (Field field : Field.values()) {
            if (field.jsonName.equals(rs.getString(1))) {
              values[field.ordinal()] = rs.getString(2);
            }
          }
        }
      }
    }
    return config(values);
  }

  /** A subject's own values (empty where it falls back to the global ones). */
  public ContractConfig subject(Connection c, String subject) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + SUBJECT_COLUMNS + " FROM subjects WHERE name = ?")) {
      ps.setString(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return ContractConfig.NONE;
        }
        return config(
            new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
      }
    }
  }

  public ContractConfig effective(Connection c, String subject) throws SQLException {
    return subject(c, subject).over(global(c));
  }

  public void setGlobal(Connection c, Field field, Optional<String> json) throws SQLException {
    if (json.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM registry_settings WHERE name = ?")) {
        ps.setString(1, field.jsonName);
        ps.executeUpdate();
      }
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO registry_settings (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value")) {
      ps.setString(1, field.jsonName);
      ps.setString(2, json.get());
      ps.executeUpdate();
    }
  }

  public void setSubject(Connection c, String subject, Field field, Optional<String> json)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO subjects (name, "
                + field.column
                + ") VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET "
                + field.column
                + " = EXCLUDED."
                + field.column)) {
      ps.setString(1, subject);
      ps.setString(2, json.orElse(null));
      ps.executeUpdate();
    }
  }

  private static ContractConfig config(String[] values) {
    return new ContractConfig(
        ContractJson.parseStored(values[0], Metadata.class),
        ContractJson.parseStored(values[1], Metadata.class),
        ContractJson.parseStored(values[2], RuleSet.class),
        ContractJson.parseStored(values[3], RuleSet.class));
  }
}
