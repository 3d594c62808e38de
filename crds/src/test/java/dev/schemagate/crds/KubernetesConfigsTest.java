package dev.schemagate.crds;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import org.junit.jupiter.api.Test;

class KubernetesConfigsTest {
  @Test
  void shouldTreatACertificateWithoutTokenAsNothingToRefresh() {
    Config certificate =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("https://127.0.0.1:6443")
            .withClientCertData("Y2VydA==")
            .withClientKeyData("a2V5")
            .build();

    assertThat(KubernetesConfigs.certificateOnly(certificate)).isTrue();
  }

  @Test
  void shouldKeepRefreshingTokensAndOtherLogins() {
    Config token =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("https://127.0.0.1:6443")
            .withOauthToken("t0ken")
            .build();
    Config certificateAndToken =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("https://127.0.0.1:6443")
            .withClientCertData("Y2VydA==")
            .withOauthToken("t0ken")
            .build();
    Config basic =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("https://127.0.0.1:6443")
            .withClientCertData("Y2VydA==")
            .withUsername("admin")
            .withPassword("secret")
            .build();

    assertThat(KubernetesConfigs.certificateOnly(token)).isFalse();
    assertThat(KubernetesConfigs.certificateOnly(certificateAndToken)).isFalse();
    assertThat(KubernetesConfigs.certificateOnly(basic)).isFalse();
  }
}
