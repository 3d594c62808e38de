package dev.schemagate.cli.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Where a checkpoint reads its data. */
public sealed interface Source {
  /** What the report names: a table or file, never a password. */
  String display();

  /** A PostgreSQL table; credentials from the URL, else {@code PGUSER} / {@code PGPASSWORD}. */
  record Table(String jdbcUrl, Optional<String> user, Optional<String> password, String table)
      implements Source {
    @Override
    public String display() {
      return jdbcUrl.replaceFirst("\\?.*", "") + " table " + table;
    }
  }

  /** A file read as a stream. */
  record File(Path path, FileFormat format) implements Source {
    @Override
    public String display() {
      return path.toString();
    }
  }

  enum FileFormat {
    JSONL,
    CSV,
    PARQUET
  }

  /**
   * Reads {@code --source}: {@code postgresql://[user[:password]@]host[:port]/db} or {@code
   * jdbc:postgresql://...} (then {@code table} is required), else a file whose format comes from
   * {@code format} or its extension ({@code .jsonl}, {@code .ndjson}, {@code .json}, {@code .csv},
   * {@code .parquet}).
   */
  static Source parse(String source, Optional<String> table, Optional<FileFormat> format) {
    String lower = source.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:")) {
      if (!lower.startsWith("jdbc:postgresql:")) {
        throw unsupported("only PostgreSQL databases are checked, not " + source.split("//")[0]);
      }
      return new Table(source, Optional.empty(), Optional.empty(), needTable(table, source));
    }
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
      return fromPostgresUri(source, needTable(table, source));
    }
    if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
      throw unsupported(
          "'"
              + source.split("://")[0]
              + "' sources are not read; use a PostgreSQL"
              + " URL or a file (.jsonl, .csv, .parquet)");
    }
    if (table.isPresent()) {
      throw new CheckException(
          CheckException.Reason.UNSUPPORTED_SOURCE, "--table applies to a database source only");
    }
    Path path = Path.of(source);
    FileFormat resolved =
        format
            .or(
                () ->
                    byExtension(
                        lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower))
            .orElseThrow(
                () ->
                    unsupported(
                        source
                            + ": cannot tell the file format from its name; say"
                            + " --source-format jsonl|csv|parquet"));
    return new File(path, resolved);
  }

  private static Optional<FileFormat> byExtension(String name) {
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Optional.of(FileFormat.JSONL);
    }
    if (name.endsWith(".csv")) {
      return Optional.of(FileFormat.CSV);
    }
    return name.endsWith(".parquet") ? Optional.of(FileFormat.PARQUET) : Optional.empty();
  }

  private static Table fromPostgresUri(String source, String table) {
    try {
      URI uri = new URI(source);
      if (uri.getHost() == null) {
        throw unsupported("'" + source + "' names no host");
      }
      String jdbc =
          "jdbc:postgresql://"
              + uri.getHost()
              + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
              + (uri.getRawPath() == null ? "/" : uri.getRawPath())
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      Optional<String> user = Optional.empty();
      Optional<String> password = Optional.empty();
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = Optional.of(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
        if (parts.length == 2) {
          password = Optional.of(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
      }
      return new Table(jdbc, user, password, table);
    } catch (URISyntaxException e) {
      throw unsupported("not a valid PostgreSQL URL: " + e.getReason());
    }
  }

  private static String needTable(Optional<String> table, String source) {
    return table
        .filter(t -> !t.isBlank())
        .orElseThrow(
            () ->
                new CheckException(
                    CheckException.Reason.UNSUPPORTED_SOURCE,
                    "a database source needs --table NAME (or schema.name)"));
  }

  private static CheckException unsupported(String message) {
    return new CheckException(CheckException.Reason.UNSUPPORTED_SOURCE, message);
  }
}
