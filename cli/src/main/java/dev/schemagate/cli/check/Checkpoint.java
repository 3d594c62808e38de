package dev.schemagate.cli.check;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * Runs a {@link CheckPlan} against a {@link Source}: the entry point of {@code schemagate check}.
 */
public final class Checkpoint {
  private final Clock clock;
  private final int threads;

  /** A checkpoint that reads JSON Lines on every available core. */
  public Checkpoint(Clock clock) {
    this(clock, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param threads how many threads read a JSON Lines file (parts of at least {@link
   *     JsonLinesParts#MIN_PART_BYTES} each); 1 reads it in one pass
   */
  public Checkpoint(Clock clock, int threads) {
    this.clock = clock;
    this.threads = Math.max(1, threads);
  }

  public CheckReport run(CheckPlan plan, Source source) {
    Instant start = clock.instant();
    return switch (source) {
      case Source.File file -> file(plan, file, start);
      case Source.Table table -> table(plan, table, start);
    };
  }

  private CheckReport file(CheckPlan plan, Source.File file, Instant start) {
    RowEvaluator evaluator = new RowEvaluator(plan, file.format() == Source.FileFormat.CSV, start);
    String name = file.path().toString();
    if (file.format() == Source.FileFormat.PARQUET) {
      if (!Files.exists(file.path())) {
        throw new CheckException(CheckException.Reason.NOT_FOUND, name + ": no such file");
      }
      if (!Files.isReadable(file.path())) {
        throw new CheckException(
            CheckException.Reason.NOT_FOUND, name + ": cannot read: permission denied");
      }
      ParquetRows.read(file.path(), plan.fields(), evaluator::accept); // a file or a directory
      return report(plan, file, evaluator, start);
    }
    if (Files.isDirectory(file.path())) {
      throw new CheckException(CheckException.Reason.NOT_FOUND, file.path() + ": is a directory");
    }
    try {
      if (gzipped(file.path())) {
        return report(plan, file, gunzipped(plan, file, evaluator), start);
      }
      if (file.format() == Source.FileFormat.CSV && Files.size(file.path()) == 0) {
        return report(plan, file, evaluator, start); // no header, no rows: as an empty JSON Lines
      } else if (file.format() == Source.FileFormat.CSV) {
        // one thread: a quoted CSV cell may hold newlines, so the file cannot be cut at one
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.path()), 1 << 16)) {
          CsvReader.read(in, name, plan.fields(), evaluator::accept);
        }
      } else {
        evaluator = JsonLinesParts.check(file.path(), name, plan, start, threads);
      }
    } catch (NoSuchFileException e) {
      throw new CheckException(CheckException.Reason.NOT_FOUND, name + ": no such file");
    } catch (IOException | UncheckedIOException e) {
      throw new CheckException(
          CheckException.Reason.NOT_FOUND, name + ": cannot read: " + e.getMessage());
    }
    return report(plan, file, evaluator, start);
  }

  /** Whether a file starts with gzip's magic number (1f 8b), whatever its name says. */
  private static boolean gzipped(java.nio.file.Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /**
   * A gzip-compressed JSON Lines or CSV file (as pipelines and lakes often keep them), streamed
   * through the decompressor in one pass: a compressed file cannot be cut into parts.
   */
  private static RowEvaluator gunzipped(CheckPlan plan, Source.File file, RowEvaluator evaluator)
      throws IOException {
    String name = file.path().toString();
    try (InputStream in =
        new BufferedInputStream(
            new java.util.zip.GZIPInputStream(Files.newInputStream(file.path()), 1 << 16),
            1 << 16)) {
      in.mark(1);
      if (in.read() == -1) {
        return evaluator; // compressed nothing: no rows, as an empty file
      }
      in.reset();
      if (file.format() == Source.FileFormat.CSV) {
        CsvReader.read(in, name, plan.fields(), evaluator::accept);
      } else {
        try {
          JsonLinesReader.read(in, plan.fields(), evaluator::accept);
        } catch (CheckException e) {
          throw new CheckException(e.reason(), name + ": " + e.getMessage()); // as for parts
        }
      }
      return evaluator;
    } catch (JsonLinesReader.Malformed e) {
      throw JsonLinesReader.malformed(name, e.line, e.getMessage());
    } catch (java.util.zip.ZipException e) {
      throw new CheckException(
          CheckException.Reason.MALFORMED_INPUT,
          name + ": not a readable gzip file: " + e.getMessage());
    } catch (java.io.EOFException e) {
      throw new CheckException(
          CheckException.Reason.MALFORMED_INPUT, name + ": gzip file cut short: " + e.getMessage());
    }
  }

  private CheckReport report(
      CheckPlan plan, Source.File file, RowEvaluator evaluator, Instant start) {
    return new CheckReport(
        plan.contract(),
        file.display(),
        evaluator.rows(),
        start,
        Duration.between(start, clock.instant()),
        evaluator.results());
  }

  private CheckReport table(CheckPlan plan, Source.Table source, Instant start) {
    Properties props = new Properties();
    source.user().or(() -> env("PGUSER")).ifPresent(u -> props.setProperty("user", u));
    source.password().or(() -> env("PGPASSWORD")).ifPresent(p -> props.setProperty("password", p));
    props.setProperty("connectTimeout", "10");
    props.setProperty("ApplicationName", "schemagate check");
    Connection db;
    try {
      db = DriverManager.getConnection(source.jdbcUrl(), props);
    } catch (SQLException e) {
      throw new CheckException(
          CheckException.Reason.SOURCE_UNAVAILABLE,
          "cannot connect to " + source.display() + ": " + firstLine(e.getMessage()));
    }
    try (db) {
      db.setReadOnly(true);
      try (var session = db.createStatement()) {
        // unique's count(DISTINCT) sorts the column: in memory rather than in temp files
        session.execute("SET work_mem = '256MB'");
        // a timestamp without time zone is read as UTC (as in files and Parquet): the session
        // zone would otherwise be this JVM's, and the verdict would depend on the machine
        session.execute("SET TIME ZONE 'UTC'");
      }
      PgTable table = PgTable.resolve(db, source.table());
      PostgresChecker.Outcome outcome = new PostgresChecker(db, table, start).run(plan);
      return new CheckReport(
          plan.contract(),
          source.display(),
          outcome.rows(),
          start,
          Duration.between(start, clock.instant()),
          outcome.results());
    } catch (SQLException e) {
      throw new CheckException(
          CheckException.Reason.SOURCE_UNAVAILABLE,
          source.display() + ": the database refused the check: " + firstLine(e.getMessage()));
    }
  }

  private static java.util.Optional<String> env(String name) {
    return java.util.Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
