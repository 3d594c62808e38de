package dev.schemagate.registry.server.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL started when no database is configured: zonky's embedded binaries, data kept under
 * {@code <dataDir>/postgres} so it survives restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    Path pgData = dataDir.resolve("postgres");
    try {
      Files.createDirectories(pgData);
      boolean existing = Files.exists(pgData.resolve("PG_VERSION"));
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
      LOG.info(
          "embedded PostgreSQL on port {} with {} data in {}",
          postgres.getPort(),
          existing ? "existing" : "new",
          pgData);
      return new EmbeddedDatabase(postgres);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot start the embedded PostgreSQL in "
              + pgData
              + " (is another schemagate registry using this data directory? set"
              + " SCHEMAGATE_DATA_DIR or SCHEMAGATE_DB_URL): "
              + e.getMessage(),
          e);
    }
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public String user() {
    return "postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
