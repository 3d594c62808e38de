package dev.schemagate.cli.check;

import dev.schemagate.core.contract.RuleParams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link CheckPlan} inside PostgreSQL: every rule becomes an aggregate of one {@code SELECT}
 * over the table (one scan), and only rules that fail cost a second, {@code LIMIT}ed query for
 * their sample rows. Contract values travel as bind parameters, identifiers quoted: nothing from a
 * contract is spliced into SQL text.
 */
final class PostgresChecker {
  private final Connection db;
  private final PgTable table;
  private final Instant now;

  PostgresChecker(Connection db, PgTable table, Instant now) {
    this.db = db;
    this.table = table;
    this.now = now;
  }

  /** A rule as SQL: the aggregate that counts (or measures) it, and its failing-row predicate. */
  private record Pushed(
      RuleCheck check, String aggregate, Optional<String> failingRows, List<Object> params) {}

  record Outcome(long rows, List<RuleResult> results) {}

  Outcome run(CheckPlan plan) throws SQLException {
    List<Pushed> pushed = new ArrayList<>();
    List<RuleResult> early = new ArrayList<>(); // rules decided without a query (missing column)
    for (RuleCheck check : plan.checks()) {
      push(check).ifPresentOrElse(pushed::add, () -> early.add(unanswerable(check)));
    }
    StringBuilder sql = new StringBuilder("SELECT count(*)");
    List<Object> params = new ArrayList<>();
    for (Pushed p : pushed) {
      sql.append(", ").append(p.aggregate());
      params.addAll(p.params());
    }
    sql.append(" FROM ").append(table.quoted());
    List<RuleResult> results = new ArrayList<>();
    long rows;
    try (PreparedStatement statement = prepare(sql.toString(), params);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      rows = rs.getLong(1);
      for (int i = 0; i < pushed.size(); i++) {
        results.add(result(pushed.get(i), rs, i + 2, rows));
      }
    }
    List<RuleResult> ordered = new ArrayList<>();
    for (RuleCheck check : plan.checks()) {
      results.stream()
          .filter(r -> r.check() == check)
          .findFirst()
          .or(() -> early.stream().filter(r -> r.check() == check).findFirst())
          .ifPresent(ordered::add);
    }
    return new Outcome(rows, ordered);
  }

  private RuleResult result(Pushed p, ResultSet rs, int column, long rows) throws SQLException {
    RuleCheck check = p.check();
    return switch (check.kind()) {
      case ROW_COUNT ->
          Verdicts.rowCount(
              check,
              rows,
              RuleParams.asNumber(check.params().get("min")).orElse(null),
              RuleParams.asNumber(check.params().get("max")).orElse(null));
      case FRESHNESS -> {
        Timestamp newest = rs.getTimestamp(column);
        yield Verdicts.freshness(check, Optional.ofNullable(newest).map(Timestamp::toInstant), now);
      }
      default -> {
        long failing = rs.getLong(column);
        yield Verdicts.counted(check, failing, failing == 0 ? List.of() : samples(p));
      }
    };
  }

  private List<String> samples(Pushed p) throws SQLException {
    if (p.failingRows().isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT row_to_json(t)::text FROM "
            + table.quoted()
            + " t WHERE "
            + p.failingRows().get()
            + " LIMIT "
            + RuleResult.MAX_SAMPLES;
    List<Object> params = p.check().kind() == CheckKind.UNIQUE ? List.of() : p.params();
    List<String> samples = new ArrayList<>();
    try (PreparedStatement statement = prepare(sql, params);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        samples.add(Samples.clip(rs.getString(1)));
      }
    }
    return samples;
  }

  private Optional<Pushed> push(RuleCheck check) {
    if (check.kind() == CheckKind.ROW_COUNT) {
      return Optional.of(new Pushed(check, "0", Optional.empty(), List.of()));
    }
    if (check.field().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> column = table.column(check.field().get());
    Optional<PgTable.JsonPath> path = table.jsonPath(check.field().get());
    if (column.isEmpty() && path.isEmpty()) {
      return Optional.empty();
    }
    // a nested field inside a json/jsonb column is read as text, like a text column
    String c = path.map(PgTable.JsonPath::text).orElseGet(() -> PgTable.quote(column.get()));
    String pgType = path.isPresent() ? "text" : table.type(column.get());
    return switch (check.kind()) {
      case TYPE -> {
        if (!PgTable.holds(pgType, check.param("type"))) {
          yield Optional.empty();
        }
        boolean required = Boolean.TRUE.equals(check.params().get("alwaysPresent"));
        yield Optional.of(
            required
                ? counted(check, c + " IS NULL", List.of())
                : new Pushed(check, "0", Optional.empty(), List.of()));
      }
      case NOT_NULL -> Optional.of(counted(check, c + " IS NULL", List.of()));
      case UNIQUE ->
          Optional.of(
              new Pushed(
                  check,
                  // distinct 64-bit hashes sort ~5x faster than the values themselves (the
                  // same trade as a file's LongHashSet); samples below use the exact values
                  "count(" + c + ") - count(DISTINCT hashtextextended(" + c + "::text, 0))",
                  Optional.of(
                      c
                          + " IN (SELECT "
                          + c
                          + " FROM "
                          + table.quoted()
                          + " GROUP BY "
                          + c
                          + " HAVING count(*) > 1 LIMIT "
                          + RuleResult.MAX_SAMPLES
                          + ")"),
                  List.of()));
      case ACCEPTED_VALUES ->
          Optional.of(
              counted(
                  check,
                  c + "::text <> ALL (?)",
                  List.of(RuleParams.acceptedValues(check.params().get("values")))));
      case REGEX -> Optional.of(counted(check, c + "::text !~ ?", List.of(check.param("pattern"))));
      case RANGE -> {
        if (path.isEmpty() && !PgTable.holds(pgType, "number")) {
          yield Optional.empty();
        }
        String n = path.map(PgTable.JsonPath::number).orElse(c);
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        RuleParams.asNumber(check.params().get("min"))
            .ifPresent(
                min -> {
                  parts.add(n + " < ?");
                  params.add(min);
                });
        RuleParams.asNumber(check.params().get("max"))
            .ifPresent(
                max -> {
                  parts.add(n + " > ?");
                  params.add(max);
                });
        yield Optional.of(counted(check, String.join(" OR ", parts), params));
      }
      case FRESHNESS -> {
        String newest =
            path.isPresent()
                ? "max(" + path.get().timestamp() + ")"
                : pgType.startsWith("timestamp")
                    ? "max(" + c + ")::timestamptz"
                    : pgType.equals("bigint") ? "to_timestamp(max(" + c + ") / 1000.0)" : null;
        yield Optional.ofNullable(newest)
            .map(sql -> new Pushed(check, sql, Optional.empty(), List.of()));
      }
      case ROW_COUNT -> Optional.empty();
    };
  }

  private static Pushed counted(RuleCheck check, String failing, List<Object> params) {
    return new Pushed(
        check, "count(*) FILTER (WHERE " + failing + ")", Optional.of(failing), params);
  }

  /** A rule the table cannot answer: its column is missing or of a type the rule cannot use. */
  private RuleResult unanswerable(RuleCheck check) {
    if (check.kind() == CheckKind.FRESHNESS && check.field().isEmpty()) {
      return Verdicts.freshness(check, Optional.empty(), now);
    }
    String field = check.field().orElse("");
    Optional<String> column = table.column(field);
    if (column.isEmpty()
        && check.kind() == CheckKind.TYPE
        && !Boolean.TRUE.equals(check.params().get("alwaysPresent"))
        && table.jsonPath(field).isEmpty()) {
      // an optional field no row can carry keeps the schema: a table may leave it out
      return new RuleResult(
          check,
          RuleResult.Status.SKIPPED,
          0,
          List.of(),
          "table "
              + table.display()
              + " has no column for the optional field '"
              + field
              + "': no row carries it");
    }
    String detail =
        column.isEmpty()
            ? "table "
                + table.display()
                + " has no column for field '"
                + field
                + "'"
                + nested(field)
            : "column "
                + column.get()
                + " is "
                + table.type(column.get())
                + ", which cannot hold "
                + (check.kind() == CheckKind.TYPE
                    ? "the schema type " + check.param("type")
                    : check.kind() == CheckKind.RANGE
                        ? "numbers for range"
                        : "timestamps for freshness");
    return new RuleResult(check, RuleResult.Status.FAILED, 1, List.of(), detail);
  }

  /** Why a dotted field found no json/jsonb column to read it from. */
  private String nested(String field) {
    int dot = field.indexOf('.');
    if (dot <= 0) {
      return "";
    }
    String top = field.substring(0, dot);
    return table
        .column(top)
        .map(
            c ->
                ", and its column "
                    + c
                    + " is "
                    + table.type(c)
                    + ", not json or jsonb, so '"
                    + field.substring(dot + 1)
                    + "' cannot be read inside it")
        .orElse(", nor a json/jsonb column '" + top + "' holding it");
  }

  private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    int i = 1;
    for (Object param : params) {
      if (param instanceof List<?> list) {
        statement.setArray(i++, db.createArrayOf("text", list.toArray()));
      } else {
        statement.setObject(i++, param);
      }
    }
    return statement;
  }
}
