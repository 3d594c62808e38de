package dev.schemagate.registry.server.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.registry.server.storage.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Optional;

/** Checkpoints in PostgreSQL (table {@code checkpoints}, migration V160). */
final class CheckpointStore {
  private final Database database;
  private final ObjectMapper json;

  CheckpointStore(Database database, ObjectMapper json) {
    this.database = database;
    this.json = json;
  }

  long add(Checkpoint c) {
    return database.inTransaction(
        db -> {
          try (PreparedStatement insert =
              db.prepareStatement(
                  "INSERT INTO checkpoints (namespace, contract, verdict, checked_at, source,"
                      + " rows_checked, failed_rules, report) VALUES (?, ?, ?, ?, ?, ?, ?,"
                      + " ?::jsonb) RETURNING id")) {
            insert.setString(1, c.namespace());
            insert.setString(2, c.contract());
            insert.setString(3, c.verdict().name());
            insert.setTimestamp(4, Timestamp.from(c.checkedAt()));
            insert.setString(5, c.source());
            insert.setLong(6, c.rows());
            insert.setInt(7, c.failedRules());
            insert.setString(8, c.report().toString());
            try (ResultSet rs = insert.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** The checkpoint with the latest check time (the latest received among equals). */
  Optional<Checkpoint> latest(String namespace, String contract) {
    return database.read(
        db -> {
          try (PreparedStatement query =
              db.prepareStatement(
                  "SELECT id, verdict, checked_at, source, rows_checked, failed_rules, report"
                      + " FROM checkpoints WHERE namespace = ? AND contract = ?"
                      + " ORDER BY checked_at DESC, id DESC LIMIT 1")) {
            query.setString(1, namespace);
            query.setString(2, contract);
            try (ResultSet rs = query.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Checkpoint(
                      rs.getLong(1),
                      namespace,
                      contract,
                      Checkpoint.Verdict.valueOf(rs.getString(2)),
                      rs.getTimestamp(3).toInstant(),
                      rs.getString(4),
                      rs.getLong(5),
                      rs.getInt(6),
                      readTree(rs.getString(7))));
            }
          }
        });
  }

  private com.fasterxml.jackson.databind.JsonNode readTree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
