package dev.schemagate.e2e;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real operator jar, run the way a Deployment would run it, talking to the API server as the
 * operator's ServiceAccount (impersonated), so RBAC is enforced exactly as in a cluster: a
 * permission missing from the ClusterRole fails the suite.
 */
final class OperatorProcess {
  static final String NAMESPACE = "schemagate";
  static final String SERVICE_ACCOUNT = "schemagate-operator";

  private OperatorProcess() {}

  static JarProcess start(Path kubeconfig, String registryUrl, Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>(ServiceAccounts.impersonating(SERVICE_ACCOUNT));
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("SCHEMAGATE_REGISTRY_URL", registryUrl);
    env.put("SCHEMAGATE_LEASE_NAMESPACE", NAMESPACE);
    env.put("SCHEMAGATE_METRICS_PORT", "-1");
    env.put("SCHEMAGATE_RETRY_INTERVAL", "2s");
    env.put("SCHEMAGATE_REGISTRY_TIMEOUT", "2s");
    env.putAll(extraEnv);
    return JarProcess.start("operator/target/schemagate-operator.jar", "256m", env);
  }
}
