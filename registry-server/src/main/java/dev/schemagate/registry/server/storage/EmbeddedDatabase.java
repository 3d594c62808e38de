package dev.schemagate.registry.server.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL started when no database is configured: zonky's embedded binaries, data kept under
 * {@code <dataDir>/postgres} so it survives restarts. For development, not production (one process,
 * no replica, no backup), but safe: durable (fsync and synchronous commit on, so an acknowledged
 * write survives the loss of the database process), password-only (SCRAM, with a generated secret
 * in {@code <dataDir>/postgres-password}, owner-only; never {@code trust}), and started again
 * cleanly after a SIGKILL left its previous PostgreSQL running ({@link OrphanedPostgres}).
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    Path pgData = dataDir.resolve("postgres");
    try {
      String secret = EmbeddedSecret.readOrCreate(dataDir);
      OrphanedPostgres.stopIfOrphaned(pgData);
      boolean existing = PgHba.exists(pgData);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              // zonky's defaults trade durability for test speed; an acknowledged write must
              // survive the loss of the database process.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("password_encryption", "scram-sha-256")
              // initdb: password logins only, the superuser's password from the secret file
              // (these come after zonky's own "-A trust", so they win).
              .setLocaleConfig("auth", "scram-sha-256")
              .setLocaleConfig("pwfile", EmbeddedSecret.file(dataDir).toString())
              // zonky's start-up probe logs in too
              .setConnectConfig("password", secret);
      EmbeddedPostgres postgres = builder.start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, secret);
      if (existing && PgHba.trusts(pgData)) {
        database.upgradeFromTrust(pgData);
      }
      LOG.info(
          "embedded PostgreSQL (for development; set SCHEMAGATE_DB_URL in production) on port {}"
              + " with {} data in {}",
          postgres.getPort(),
          existing ? "existing" : "new",
          pgData);
      return database;
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

  /**
   * A data directory made by an older schemagate trusts every local login: give the superuser the
   * password and switch to SCRAM (the one login that still trusts is this one, right after start).
   */
  private void upgradeFromTrust(Path pgData) throws IOException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), SUPERUSER, password);
        Statement statement = connection.createStatement()) {
      statement.execute("SET password_encryption = 'scram-sha-256'");
      statement.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
      PgHba.writeScramOnly(pgData);
      statement.execute("SELECT pg_reload_conf()");
      LOG.info("embedded PostgreSQL now refuses logins without its password (was: trust)");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot switch the embedded PostgreSQL to password logins: " + e.getMessage(), e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  public String user() {
    return SUPERUSER;
  }

  public String password() {
    return password;
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
