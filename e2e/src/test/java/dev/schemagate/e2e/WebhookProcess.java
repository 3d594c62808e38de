package dev.schemagate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real webhook jar, serving HTTPS on a loopback port the API server calls, reading the cluster
 * as its ServiceAccount.
 */
final class WebhookProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private WebhookProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static WebhookProcess start(
      SelfSignedTls tls, Path kubeconfig, String registryUrl, Map<String, String> extraEnv) {
    Path jar = Repo.root().resolve("webhooks/target/schemagate-webhooks.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the webhooks module packages it first");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    try (ServerSocket socket = new ServerSocket(0)) {
      int port = socket.getLocalPort();
      socket.close();
      Path log = Files.createTempFile(Path.of("target"), "webhooks-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(java, "-Xmx128m", "-jar", jar.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("KUBECONFIG", kubeconfig.toString());
      // As its own ServiceAccount, so the shipped read-only ClusterRole is what is enforced.
      env.put(
          "KUBERNETES_IMPERSONATE_USERNAME",
          "system:serviceaccount:schemagate:schemagate-webhooks");
      env.put(
          "KUBERNETES_IMPERSONATE_GROUP",
          "system:serviceaccounts,system:serviceaccounts:schemagate,system:authenticated");
      env.put("SCHEMAGATE_TLS_CERT", tls.certFile().toString());
      env.put("SCHEMAGATE_TLS_KEY", tls.keyFile().toString());
      env.put("SCHEMAGATE_WEBHOOK_PORT", Integer.toString(port));
      env.put("SCHEMAGATE_REGISTRY_URL", registryUrl);
      env.put("SCHEMAGATE_WEBHOOK_CACHE_TTL", "0s");
      env.putAll(extraEnv);
      return new WebhookProcess(builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
