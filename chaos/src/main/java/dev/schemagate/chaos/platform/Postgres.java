package dev.schemagate.chaos.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL (zonky's embedded binaries) on a fixed port and data directory, so it can be
 * stopped under the registry — the fault — and started again on the same data.
 */
public final class Postgres implements AutoCloseable, Restartable {
  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres running;

  public Postgres(Path dataDir) {
    this.dataDir = dataDir;
    this.port = Ports.free();
  }

  public synchronized void start() {
    if (running != null) {
      return;
    }
    try {
      running =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
    }
  }

  public synchronized void stop() {
    if (running != null) {
      try {
        running.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        running = null;
      }
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:%d/postgres".formatted(port);
  }

  @Override
  public void close() {
    stop();
  }
}
