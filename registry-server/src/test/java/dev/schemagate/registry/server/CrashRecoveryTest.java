package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry as a separate process on the embedded database: SIGKILL of the registry, then of its
 * PostgreSQL; each time the next start recovers alone and every acknowledged write is there.
 */
class CrashRecoveryTest {
  @TempDir Path dataDir;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    for (Process process : started) {
      process.destroy();
    }
    for (Process process : started) {
      process.onExit().join();
    }
  }

  private Process startRegistry(int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                RegistryMain.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("registry-" + port + ".log").toFile());
    builder.environment().put("SCHEMAGATE_HOST", "127.0.0.1");
    builder.environment().put("SCHEMAGATE_PORT", String.valueOf(port));
    builder.environment().put("SCHEMAGATE_DATA_DIR", dataDir.toString());
    Process process = builder.start();
    started.add(process);
    Http http = new Http("http://127.0.0.1:" + port);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              assertThat(process.isAlive()).as("the registry process exited").isTrue();
              return http.get("/readyz").status() == 200;
            });
    return process;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private Optional<ProcessHandle> postmaster() throws IOException {
    Path pidFile = dataDir.resolve("postgres/postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
  }

  private static List<Integer> registerMany(Http http, String subject, int count) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Http.Response response =
          http.post(
              "/subjects/" + subject + "/versions",
              Http.body(Schemas.avroRecord("Crash" + subject.replace("-", ""), i)));
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      ids.add(response.json().get("id").asInt());
    }
    return ids;
  }

  private static void assertAllPresent(Http http, String subject, List<Integer> ids) {
    for (int i = 0; i < ids.size(); i++) {
      Http.Response version = http.get("/subjects/" + subject + "/versions/" + (i + 1));
      assertThat(version.status()).as(version.body()).isEqualTo(200);
      assertThat(version.json().get("id").asInt()).isEqualTo(ids.get(i));
    }
  }

  @Test
  void shouldRecoverAloneAfterSigkillOfTheRegistryAndOfItsDatabaseLosingNoAcknowledgedWrite()
      throws Exception {
    int port = freePort();
    Process first = startRegistry(port);
    Http http = new Http("http://127.0.0.1:" + port);
    List<Integer> before = registerMany(http, "crash-a", 15);

    first.destroyForcibly().waitFor();
    // The registry's PostgreSQL outlives it, as in the fault run...
    ProcessHandle orphan = postmaster().orElseThrow();
    assertThat(orphan.isAlive()).isTrue();

    // ...and the next start stops that orphan and comes up on the same directory.
    Process second = startRegistry(port);
    assertThat(orphan.isAlive()).isFalse();
    assertAllPresent(http, "crash-a", before);
    List<Integer> more = registerMany(http, "crash-b", 15);

    // SIGKILL of the database itself, right after acknowledged writes.
    ProcessHandle postgres = postmaster().orElseThrow();
    postgres.destroyForcibly();
    postgres.onExit().join();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/subjects/crash-b/versions").status() == 503);
    second.destroy();
    second.waitFor();

    startRegistry(port);
    assertAllPresent(http, "crash-a", before);
    assertAllPresent(http, "crash-b", more);
  }
}
