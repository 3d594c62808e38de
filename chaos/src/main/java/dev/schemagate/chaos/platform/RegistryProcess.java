package dev.schemagate.chaos.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The registry jar in a JVM of its own, so the fault can be what an outage is: SIGKILL, no shutdown
 * hook, then a restart on the same PostgreSQL data.
 */
public final class RegistryProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  private final Path jar;
  private final Path log;
  private final Map<String, String> env;
  private final int port = Ports.free();
  private Process process;
  private volatile OptionalLong restartedAtNanos = OptionalLong.empty();
  private int starts;

  public RegistryProcess(Path jar, Path log, Map<String, String> env) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "registry jar %s not found: build it with ./mvnw -pl registry-server -am package"
                  .formatted(jar)
              + " -DskipTests, or pass --registry-jar");
    }
    this.jar = jar;
    this.log = log;
    this.env = Map.copyOf(env);
  }

  public synchronized void start(Duration readyWithin) {
    if (process != null && process.isAlive()) {
      return;
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    var builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    builder.environment().put("SCHEMAGATE_PORT", Integer.toString(port));
    builder.environment().put("SCHEMAGATE_HOST", "127.0.0.1");
    try {
      if (++starts > 1) {
        restartedAtNanos = OptionalLong.of(System.nanoTime());
      }
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.nanoTime() + readyWithin.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the registry exited with %d during start-up; see %s"
                .formatted(process.exitValue(), log));
      }
      if (answers()) {
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException(
        "the registry did not answer within %s; see %s".formatted(readyWithin, log));
  }

  /**
   * When the process was last restarted (a start after the first), on {@link System#nanoTime()}'s
   * scale; empty while the first process runs (that one was warmed up by {@link #warmUp}).
   */
  public OptionalLong restartedAtNanos() {
    return restartedAtNanos;
  }

  /**
   * Brings a just-started registry into service as a rollout would before it takes traffic: one
   * registration and {@code lookups} lookups of it, so that experiments measure a registry whose
   * JIT has compiled the lookup path, not its first seconds.
   */
  public void warmUp(int lookups) throws IOException, InterruptedException {
    var registered =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url() + "/subjects/chaos-warm-up/versions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"schemaType\":\"JSON\",\"schema\":\"{\\\"type\\\":\\\"object\\\"}\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(registered.body());
    if (registered.statusCode() != 200 || !id.find()) {
      throw new IllegalStateException(
          "warming the registry up: registration answered %d %s"
              .formatted(registered.statusCode(), registered.body()));
    }
    var lookup =
        HttpRequest.newBuilder(URI.create(url() + "/schemas/ids/" + id.group(1)))
            .timeout(Duration.ofSeconds(5))
            .build();
    for (int i = 0; i < lookups; i++) {
      HTTP.send(lookup, HttpResponse.BodyHandlers.discarding());
    }
  }

  /** SIGKILL: the JVM gets no chance to close anything. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public boolean answers() {
    try {
      var response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url() + "/subjects"))
                  .timeout(Duration.ofMillis(800))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return log;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
