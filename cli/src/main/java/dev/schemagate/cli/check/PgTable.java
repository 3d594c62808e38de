package dev.schemagate.cli.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL table as the checkpoint sees it: its quoted name and its columns with their types,
 * read from {@code information_schema}. Schema fields find their column by exact name, then
 * case-insensitively, then in snake_case ({@code orderId} → {@code order_id}).
 */
record PgTable(String display, String quoted, Map<String, String> columnTypes) {

  static PgTable resolve(Connection db, String table) throws SQLException {
    List<String> parts = identifiers(table);
    String schema = parts.size() == 2 ? parts.get(0) : null;
    String name = parts.get(parts.size() - 1);
    String sql =
        """
        SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = coalesce(?, current_schema())
          AND (table_name = ? OR table_name = lower(?))
        ORDER BY table_name = ? DESC, ordinal_position
        """;
    Map<String, String> columns = new LinkedHashMap<>();
    String foundSchema = null;
    String foundName = null;
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, schema);
      statement.setString(2, name);
      statement.setString(3, name);
      statement.setString(4, name);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          if (foundName == null) {
            foundSchema = rows.getString(1);
            foundName = rows.getString(2);
          } else if (!foundName.equals(rows.getString(2))) {
            break;
          }
          columns.put(rows.getString(3), rows.getString(4));
        }
      }
    }
    if (foundName == null) {
      refused(db, schema, name, table);
      throw new CheckException(
          CheckException.Reason.NOT_FOUND,
          "table '"
              + table
              + "' does not exist in database '"
              + db.getCatalog()
              + "'"
              + (schema == null ? " (searched the current schema)" : ""));
    }
    return new PgTable(
        foundSchema + "." + foundName, quote(foundSchema) + "." + quote(foundName), columns);
  }

  /**
   * {@code --table} as SQL writes it: {@code name} or {@code schema.name}, each part bare or in
   * double quotes ({@code "Mixed Case"}, {@code "odd.schema"."t"}, {@code ""} for a quote inside).
   */
  static List<String> identifiers(String table) {
    List<String> parts = new java.util.ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < table.length(); i++) {
      char c = table.charAt(i);
      if (c == '"' && quoted && i + 1 < table.length() && table.charAt(i + 1) == '"') {
        part.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '.' && !quoted) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    if (quoted || parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
      throw new CheckException(
          CheckException.Reason.NOT_FOUND,
          "--table '"
              + table
              + "' is not a table name: write name or schema.name (\"Quoted\" parts"
              + " keep case, spaces and dots)");
    }
    return parts;
  }

  /**
   * information_schema lists only what the user may read, so a table the user has no right to would
   * look missing: the catalog, visible to everyone, tells that case apart and names the privilege
   * to grant.
   */
  private static void refused(Connection db, String schema, String name, String table)
      throws SQLException {
    String sql =
        """
        SELECT n.nspname, c.relname, has_schema_privilege(n.oid, 'USAGE'),
               has_table_privilege(c.oid, 'SELECT'), current_user
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = coalesce(?, current_schema())
          AND (c.relname = ? OR c.relname = lower(?)) AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
        ORDER BY c.relname = ? DESC LIMIT 1
        """;
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, schema);
      statement.setString(2, name);
      statement.setString(3, name);
      statement.setString(4, name);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next() || rows.getBoolean(3) && rows.getBoolean(4)) {
          return; // not there at all, or readable (then the caller's message stands)
        }
        String qualified = quote(rows.getString(1)) + "." + quote(rows.getString(2));
        String user = rows.getString(5);
        String grant =
            !rows.getBoolean(3)
                ? "GRANT USAGE ON SCHEMA " + quote(rows.getString(1)) + " TO " + quote(user)
                : "GRANT SELECT ON " + qualified + " TO " + quote(user);
        throw new CheckException(
            CheckException.Reason.SOURCE_UNAVAILABLE,
            "table '" + table + "' exists but user '" + user + "' may not read it (" + grant + ")");
      }
    }
  }

  /** The column a schema field is stored in, if the table has one. */
  Optional<String> column(String field) {
    if (columnTypes.containsKey(field)) {
      return Optional.of(field);
    }
    String snake = field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    return columnTypes.keySet().stream()
        .filter(c -> c.equalsIgnoreCase(field) || c.equals(snake))
        .findFirst();
  }

  /**
   * A dotted field ({@code customer.email}) read from inside a json/jsonb column named by its first
   * segment, when the table has no column of the whole name.
   */
  Optional<JsonPath> jsonPath(String field) {
    int dot = field.indexOf('.');
    if (dot <= 0 || column(field).isPresent()) {
      return Optional.empty();
    }
    List<String> keys = List.of(field.substring(dot + 1).split("\\.", -1));
    if (keys.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    return column(field.substring(0, dot))
        .filter(c -> type(c).equals("json") || type(c).equals("jsonb"))
        .map(c -> new JsonPath(c, type(c), keys));
  }

  /**
   * The SQL that reads a path inside a json/jsonb column. Keys are written as SQL string literals
   * (quotes doubled; standard_conforming_strings is on since PostgreSQL 9.1), so a key never
   * becomes SQL; they are not bind parameters because each expression appears in several clauses.
   */
  record JsonPath(String column, String pgType, List<String> keys) {
    private static final String ISO_TIMESTAMP =
        "'^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?$'";

    /** The value as text ({@code ->>} / {@code #>>}): null when absent or JSON null. */
    String text() {
      // parenthesised: the rules append casts ({@code ::text}) that would bind to the key
      return "("
          + quote(column)
          + (keys.size() == 1 ? "->>" + literal(keys.get(0)) : "#>>" + path())
          + ")";
    }

    /** The value as a number, or null when it is not a JSON number (range skips those). */
    String number() {
      String json =
          quote(column) + (keys.size() == 1 ? "->" + literal(keys.get(0)) : "#>" + path());
      return "CASE WHEN "
          + pgType
          + "_typeof("
          + json
          + ") = 'number' THEN ("
          + text()
          + ")::numeric END";
    }

    /** The value as a timestamp when it is ISO-8601 text, else null (freshness skips those). */
    String timestamp() {
      return "CASE WHEN "
          + text()
          + " ~ "
          + ISO_TIMESTAMP
          + " THEN ("
          + text()
          + ")::timestamptz END";
    }

    private String path() {
      StringBuilder array = new StringBuilder("{");
      for (String key : keys) {
        if (array.length() > 1) {
          array.append(',');
        }
        array.append('"').append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
      return literal(array.append('}').toString()) + "::text[]";
    }

    private static String literal(String text) {
      return "'" + text.replace("'", "''") + "'";
    }
  }

  String type(String column) {
    return columnTypes.get(column);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Whether a column of PostgreSQL type {@code pg} can hold the schema type {@code schemaType}. */
  static boolean holds(String pg, String schemaType) {
    String t = schemaType.toLowerCase(Locale.ROOT);
    boolean integral = pg.equals("smallint") || pg.equals("integer") || pg.equals("bigint");
    boolean numeric =
        integral || pg.equals("numeric") || pg.equals("real") || pg.startsWith("double");
    boolean text = pg.equals("text") || pg.startsWith("character") || pg.equals("uuid");
    boolean timestamp = pg.startsWith("timestamp");
    if (t.startsWith("array")) {
      return pg.equals("ARRAY") || pg.startsWith("json");
    }
    if (t.startsWith("map") || t.equals("record") || t.equals("object")) {
      return pg.startsWith("json") || pg.equals("USER-DEFINED");
    }
    return switch (t) {
      case "int", "integer" -> pg.equals("smallint") || pg.equals("integer") || pg.equals("bigint");
      case "long", "time-millis", "time-micros" -> integral || pg.startsWith("time");
      case "float", "double", "number", "decimal" -> numeric;
      case "boolean" -> pg.equals("boolean");
      case "timestamp-millis",
          "timestamp-micros",
          "local-timestamp-millis",
          "local-timestamp-micros" ->
          timestamp || pg.equals("bigint");
      case "string(date-time)" -> timestamp || text;
      case "date", "string(date)" -> pg.equals("date") || text;
      case "bytes", "fixed" -> pg.equals("bytea");
      case "string", "enum", "uuid" -> text || pg.equals("USER-DEFINED");
      default -> t.startsWith("string") ? text : true;
    };
  }
}
