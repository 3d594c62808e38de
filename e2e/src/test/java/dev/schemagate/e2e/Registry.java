package dev.schemagate.e2e;

import dev.schemagate.registry.client.RegistryCredentials;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.registry.server.security.SecurityConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real registry server (embedded PostgreSQL underneath) on a fixed loopback port and a data
 * directory that outlives a stop, so a test can take it down and bring it back as an outage would.
 */
final class Registry implements AutoCloseable {
  private final int port;
  private final Path dataDir;
  private RunningRegistry running;
  private SecurityConfig security = SecurityConfig.NONE;
  private RegistryCredentials credentials = RegistryCredentials.none();

  Registry() {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
      dataDir = Files.createTempDirectory("schemagate-e2e-registry-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  synchronized void start() {
    if (running == null) {
      running =
          RegistryConfig.forTests()
              .port(port)
              .dataDir(dataDir)
              .ephemeralDataDir(false)
              .security(security)
              .start();
    }
  }

  synchronized void stop() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  /**
   * Restarts with authentication on ({@code SCHEMAGATE_AUTH_FILE}, e.g. the users file the Helm
   * chart generated), same port and data; {@link #client()} then logs in as {@code user}.
   */
  synchronized void requireAuth(Path authFile, String user, String password) {
    stop();
    security = SecurityConfig.NONE.withAuthFile(authFile);
    credentials = RegistryCredentials.basic(user, password);
    start();
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  SchemaRegistryClient client() {
    return SchemaRegistryClient.builder(url()).credentials(credentials).build();
  }

  @Override
  public void close() {
    stop();
  }
}
