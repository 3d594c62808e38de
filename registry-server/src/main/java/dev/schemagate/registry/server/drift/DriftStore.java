package dev.schemagate.registry.server.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.schemagate.registry.server.storage.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Drift reports in PostgreSQL (table {@code drift_reports}, migration V165). */
final class DriftStore {
  private final Database database;
  private final ObjectMapper json;

  DriftStore(Database database, ObjectMapper json) {
    this.database = database;
    this.json = json;
  }

  long add(DriftReport r) {
    ArrayNode breaches = json.createArrayNode();
    for (DriftReport.Breach b : r.breaches()) {
      breaches
          .addObject()
          .put("field", b.field())
          .put("test", b.test().name())
          .put("value", b.value())
          .put("threshold", b.threshold());
    }
    return database.inTransaction(
        db -> {
          try (PreparedStatement insert =
              db.prepareStatement(
                  "INSERT INTO drift_reports (namespace, contract, verdict, compared_at, source,"
                      + " records_read, breaches, report) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb,"
                      + " ?::jsonb) RETURNING id")) {
            insert.setString(1, r.namespace());
            insert.setString(2, r.contract());
            insert.setString(3, r.verdict());
            insert.setTimestamp(4, Timestamp.from(r.at()));
            insert.setString(5, r.source());
            insert.setLong(6, r.records());
            insert.setString(7, breaches.toString());
            insert.setString(8, r.report().toString());
            try (ResultSet rs = insert.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** The report with the latest comparison time (the latest received among equals). */
  Optional<DriftReport> latest(String namespace, String contract) {
    return database.read(
        db -> {
          try (PreparedStatement query =
              db.prepareStatement(
                  "SELECT id, compared_at, source, records_read, breaches, report"
                      + " FROM drift_reports WHERE namespace = ? AND contract = ?"
                      + " ORDER BY compared_at DESC, id DESC LIMIT 1")) {
            query.setString(1, namespace);
            query.setString(2, contract);
            try (ResultSet rs = query.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              List<DriftReport.Breach> breaches = new ArrayList<>();
              for (JsonNode b : readTree(rs.getString(5))) {
                breaches.add(
                    new DriftReport.Breach(
                        b.path("field").asText(),
                        DriftReport.Test.valueOf(b.path("test").asText()),
                        b.path("value").asDouble(),
                        b.path("threshold").asDouble()));
              }
              return Optional.of(
                  new DriftReport(
                      rs.getLong(1),
                      namespace,
                      contract,
                      rs.getTimestamp(2).toInstant(),
                      rs.getString(3),
                      rs.getLong(4),
                      breaches,
                      readTree(rs.getString(6))));
            }
          }
        });
  }

  private JsonNode readTree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
