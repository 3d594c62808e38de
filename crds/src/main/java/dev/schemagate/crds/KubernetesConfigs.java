package dev.schemagate.crds;

import io.fabric8.kubernetes.client.Config;

/**
 * The API-server client configuration of the operator and the webhooks, as fabric8 finds it, with
 * two changes. Here because both processes build their client from it and both depend on this
 * module.
 */
public final class KubernetesConfigs {
  private KubernetesConfigs() {}

  /**
   * In-cluster or from {@code KUBECONFIG}. A kubeconfig that logs in with a client certificate
   * alone holds no token, and fabric8's token refresh then re-reads and re-parses the whole
   * kubeconfig before every request (it records a refresh only when it finds a token): a tenth of
   * the operator's CPU in a cold start of 2,000 DataSchemas. A certificate has no token to refresh,
   * so such a configuration gets a token provider that has none.
   */
  public static Config load() {
    Config config = Config.autoConfigure(null);
    if (certificateOnly(config)) {
      config.setOauthTokenProvider(() -> null);
    }
    if (System.getenv("KUBERNETES_HTTP2_DISABLE") == null
        && System.getProperty("kubernetes.http2.disable") == null) {
      // The JDK client's HTTP/2 costs more CPU than pooled HTTP/1.1 connections: 17 % of the
      // operator's CPU in a cold start of 2,000 DataSchemas (e2e/bench/operator-scale.sh).
      // fabric8's own switch, KUBERNETES_HTTP2_DISABLE=false, brings HTTP/2 back.
      config.setHttp2Disable(true);
    }
    return config;
  }

  static boolean certificateOnly(Config config) {
    boolean certificate = config.getClientCertData() != null || config.getClientCertFile() != null;
    return certificate
        && config.getOauthToken() == null
        && config.getAutoOAuthToken() == null
        && config.getOauthTokenProvider() == null
        && config.getAuthProvider() == null
        && config.getUsername() == null;
  }
}
