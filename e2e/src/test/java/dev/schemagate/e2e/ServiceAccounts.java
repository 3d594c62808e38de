package dev.schemagate.e2e;

import java.util.Map;

/**
 * fabric8 reads impersonation from these variables, so a jar run with them talks to the API server
 * as a ServiceAccount of namespace {@code schemagate}, with exactly the RBAC we ship for it.
 */
final class ServiceAccounts {
  private ServiceAccounts() {}

  static Map<String, String> impersonating(String serviceAccount) {
    return impersonating("schemagate", serviceAccount);
  }

  static Map<String, String> impersonating(String namespace, String serviceAccount) {
    return Map.of(
        "KUBERNETES_IMPERSONATE_USERNAME",
        "system:serviceaccount:" + namespace + ":" + serviceAccount,
        "KUBERNETES_IMPERSONATE_GROUP",
        "system:serviceaccounts,system:serviceaccounts:" + namespace + ",system:authenticated");
  }
}
