package dev.schemagate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real webhook jar, serving HTTPS on a loopback port the API server calls, reading the cluster
 * as its own ServiceAccount (the shipped read-only ClusterRole is what is enforced).
 */
record WebhookProcess(JarProcess process, int port) implements AutoCloseable {
  static WebhookProcess start(
      SelfSignedTls tls, Path kubeconfig, String registryUrl, Map<String, String> extraEnv) {
    int port = freePort();
    Map<String, String> env = new HashMap<>(ServiceAccounts.impersonating("schemagate-webhooks"));
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("SCHEMAGATE_TLS_CERT", tls.certFile().toString());
    env.put("SCHEMAGATE_TLS_KEY", tls.keyFile().toString());
    env.put("SCHEMAGATE_WEBHOOK_PORT", Integer.toString(port));
    env.put("SCHEMAGATE_REGISTRY_URL", registryUrl);
    env.put("SCHEMAGATE_WEBHOOK_CACHE_TTL", "0s");
    env.put("SCHEMAGATE_METRICS_PORT", "-1"); // never the fixed default port on a shared machine
    env.putAll(extraEnv);
    return new WebhookProcess(
        JarProcess.start("webhooks/target/schemagate-webhooks.jar", "128m", env), port);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String log() {
    return process.log();
  }

  @Override
  public void close() {
    process.close();
  }
}
