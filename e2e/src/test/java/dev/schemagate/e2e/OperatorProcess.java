package dev.schemagate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real operator jar, run as its own process the way a Deployment would run it, talking to the
 * API server as the operator's ServiceAccount (impersonated), so RBAC is enforced exactly as in a
 * cluster: a permission missing from the ClusterRole fails the suite.
 */
final class OperatorProcess implements AutoCloseable {
  static final String NAMESPACE = "schemagate";
  static final String SERVICE_ACCOUNT = "schemagate-operator";

  private final Process process;
  private final Path log;

  private OperatorProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static OperatorProcess start(Path kubeconfig, String registryUrl, Map<String, String> extraEnv) {
    Path jar = Repo.root().resolve("operator/target/schemagate-operator.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the operator module packages it first");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    try {
      Path log = Files.createTempFile(Path.of("target"), "operator-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("KUBECONFIG", kubeconfig.toString());
      env.put(
          "KUBERNETES_IMPERSONATE_USERNAME",
          "system:serviceaccount:" + NAMESPACE + ":" + SERVICE_ACCOUNT);
      env.put(
          "KUBERNETES_IMPERSONATE_GROUP",
          "system:serviceaccounts,system:serviceaccounts:" + NAMESPACE + ",system:authenticated");
      env.put("SCHEMAGATE_REGISTRY_URL", registryUrl);
      env.put("SCHEMAGATE_LEASE_NAMESPACE", NAMESPACE);
      env.put("SCHEMAGATE_METRICS_PORT", "-1");
      env.put("SCHEMAGATE_RETRY_INTERVAL", "2s");
      env.put("SCHEMAGATE_REGISTRY_TIMEOUT", "2s");
      env.putAll(extraEnv);
      return new OperatorProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The operator's own log, for assertion messages. */
  String log() {
    try {
      String text = Files.readString(log);
      return text.length() > 20_000 ? text.substring(text.length() - 20_000) : text;
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
