package dev.schemagate.registry.server.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The embedded cluster's {@code pg_hba.conf}: who may log in, and how. */
final class PgHba {
  private static final Pattern TRUST = Pattern.compile("(?m)^\\s*[^#\\s].*\\btrust\\s*$");

  private PgHba() {}

  static boolean exists(Path pgData) {
    return Files.exists(pgData.resolve("PG_VERSION"));
  }

  static boolean trusts(Path pgData) throws IOException {
    Path file = pgData.resolve("pg_hba.conf");
    return Files.exists(file) && TRUST.matcher(Files.readString(file)).find();
  }

  static void writeScramOnly(Path pgData) throws IOException {
    Files.writeString(
        pgData.resolve("pg_hba.conf"),
        """
        # Written by schemagate: password (SCRAM) logins only, over the socket and loopback.
        local   all             all                                     scram-sha-256
        host    all             all             127.0.0.1/32            scram-sha-256
        host    all             all             ::1/128                 scram-sha-256
        local   replication     all                                     scram-sha-256
        host    replication     all             127.0.0.1/32            scram-sha-256
        host    replication     all             ::1/128                 scram-sha-256
        """);
  }
}
