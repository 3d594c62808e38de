package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database is durable and refuses logins without its generated secret. */
class EmbeddedSafetyTest {

  private static Connection connect(String url, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(url, properties);
  }

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW " + setting)) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Test
  void shouldRefuseLoginsWithoutTheGeneratedSecretAndCommitDurably(@TempDir Path dataDir)
      throws Exception {
    RegistryConfig config =
        RegistryConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir).build();
    try (RunningRegistry registry = RegistryServer.start(config)) {
      Path secretFile = dataDir.resolve("postgres-password");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)))
          .isEqualTo("rw-------");
      String secret = Files.readString(secretFile).trim();
      assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
      assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
          .doesNotContainPattern("(?m)^[^#]*\\btrust\\s*$")
          .contains("scram-sha-256");

      String url = registry.context().database().jdbcUrl();
      assertThatThrownBy(() -> connect(url, null).close()).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> connect(url, "wrong").close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
      try (Connection connection = connect(url, secret)) {
        assertThat(show(connection, "fsync")).isEqualTo("on");
        assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
        assertThat(show(connection, "full_page_writes")).isEqualTo("on");
        assertThat(show(connection, "password_encryption")).isEqualTo("scram-sha-256");
      }
    }
  }

  @Test
  void shouldSwitchADataDirectoryMadeWithTrustToPasswordLoginsKeepingItsData(@TempDir Path dataDir)
      throws Exception {
    // What older schemagate versions left behind: zonky's default initdb -A trust.
    try (EmbeddedPostgres old =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.resolve("postgres"))
            .setCleanDataDirectory(false)
            .start()) {
      try (Connection connection = old.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA legacy");
        statement.execute("CREATE TABLE legacy.kept (x int)");
      }
    }
    assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).contains("trust");

    RegistryConfig config =
        RegistryConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir).build();
    try (RunningRegistry registry = RegistryServer.start(config)) {
      String url = registry.context().database().jdbcUrl();
      assertThatThrownBy(() -> connect(url, null).close()).isInstanceOf(SQLException.class);
      String secret = Files.readString(dataDir.resolve("postgres-password")).trim();
      try (Connection connection = connect(url, secret);
          Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT count(*) FROM legacy.kept").close();
      }
      assertThat(new Http(registry.url()).get("/subjects").status()).isEqualTo(200);
    }
  }
}
