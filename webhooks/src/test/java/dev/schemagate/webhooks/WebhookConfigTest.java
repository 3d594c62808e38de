package dev.schemagate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.webhooks.admission.FailurePolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookConfigTest {

  @Test
  void shouldDefaultToPort8443FailingClosedWithATwoSecondRegistryBound() throws Exception {
    WebhookConfig config = WebhookConfig.fromEnv(Map.of());
    assertThat(config.port()).isEqualTo(8443);
    assertThat(config.failurePolicy()).isEqualTo(FailurePolicy.CLOSED);
    assertThat(config.registryTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.environments().order()).containsExactly("dev", "staging", "prod");
  }

  @Test
  void shouldReadEnvironmentRegistriesAndSkips() throws Exception {
    WebhookConfig config =
        WebhookConfig.fromEnv(
            Map.of(
                "SCHEMAGATE_REGISTRY_URL", "http://registry:8081",
                "SCHEMAGATE_ENVIRONMENTS",
                    "dev=http://dev:8081, staging=http://registry:8081, prod=https://prod",
                "SCHEMAGATE_PROMOTION_ALLOWED_SKIPS", "dev->prod",
                "SCHEMAGATE_WEBHOOK_FAILURE_MODE", "open",
                "SCHEMAGATE_WEBHOOK_REGISTRY_TIMEOUT", "750ms"));
    assertThat(config.registryOf("dev")).isEqualTo(URI.create("http://dev:8081"));
    assertThat(config.registryOf("prod")).isEqualTo(URI.create("https://prod"));
    assertThat(config.environments().order()).containsExactly("dev", "staging", "prod");
    assertThat(config.environments().allowedSkips()).hasSize(1);
    assertThat(config.failurePolicy()).isEqualTo(FailurePolicy.OPEN);
    assertThat(config.registryTimeout()).isEqualTo(Duration.ofMillis(750));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SCHEMAGATE_WEBHOOK_PORT|https|SCHEMAGATE_WEBHOOK_PORT='https' must be a whole number from 0 to 65535",
        "SCHEMAGATE_WEBHOOK_PORT|70000|must be a whole number from 0 to 65535",
        "SCHEMAGATE_REGISTRY_URL|registry:8081|SCHEMAGATE_REGISTRY_URL='registry:8081' is not an http(s) URL",
        "SCHEMAGATE_WEBHOOK_FAILURE_MODE|maybe|SCHEMAGATE_WEBHOOK_FAILURE_MODE='maybe' must be one of closed, open",
        "SCHEMAGATE_WEBHOOK_REGISTRY_TIMEOUT|2 seconds|is not a duration such as 500ms, 30s",
        "SCHEMAGATE_ENVIRONMENTS|dev=http://a:1,dev=http://b:1|listed twice",
        "SCHEMAGATE_ENVIRONMENTS|dev,staging,prod|SCHEMAGATE_ENVIRONMENTS: 'dev' has no registry URL; write name=url",
        "SCHEMAGATE_PROMOTION_ALLOWED_SKIPS|dev->qa|SCHEMAGATE_PROMOTION_ALLOWED_SKIPS='dev->qa'",
        "SCHEMAGATE_LOG_LEVEL|chatty|SCHEMAGATE_LOG_LEVEL='chatty' must be one of",
        "SCHEMAGATE_ENVIRONMENT_REGISTRIES|dev=http://a:1|is gone: give each environment its registry in SCHEMAGATE_ENVIRONMENTS"
      })
  void shouldRefuseAnUnusableValueNamingTheVariable(String variable, String value, String message) {
    assertThatThrownBy(() -> WebhookConfig.fromEnv(Map.of(variable, value)))
        .isInstanceOf(WebhookConfig.InvalidConfig.class)
        .hasMessageContaining(message);
  }

  @Test
  void shouldReadTheValueTheOperatorReads() throws Exception {
    String shared = "dev=http://registry.dev:8081,staging=http://registry.staging:8081";
    WebhookConfig config = WebhookConfig.fromEnv(Map.of("SCHEMAGATE_ENVIRONMENTS", shared));

    assertThat(config.environments().order()).containsExactly("dev", "staging");
    assertThat(config.registryOf("staging")).isEqualTo(URI.create("http://registry.staging:8081"));
  }

  @Test
  void shouldAcceptKubernetesWordsForTheFailureMode() throws Exception {
    assertThat(
            WebhookConfig.fromEnv(Map.of("SCHEMAGATE_WEBHOOK_FAILURE_MODE", "Ignore"))
                .failurePolicy())
        .isEqualTo(FailurePolicy.OPEN);
  }

  @Test
  void shouldReadTheRegistryCredentialsOnceAndRefuseAContradiction() throws Exception {
    WebhookConfig config =
        WebhookConfig.fromEnv(
            Map.of(
                "SCHEMAGATE_REGISTRY_USER", "schemagate-webhooks",
                "SCHEMAGATE_REGISTRY_PASSWORD", "pw"));
    assertThat(config.registryAccess().credentials().authorization()).isPresent();
    assertThat(WebhookConfig.fromEnv(Map.of()).registryAccess())
        .isEqualTo(dev.schemagate.registry.client.RegistryAccess.none());
    assertThatThrownBy(
            () ->
                WebhookConfig.fromEnv(
                    Map.of(
                        "SCHEMAGATE_REGISTRY_USER", "a",
                        "SCHEMAGATE_REGISTRY_TOKEN_FILE", "/var/run/token")))
        .isInstanceOf(WebhookConfig.InvalidConfig.class)
        .hasMessageContaining("SCHEMAGATE_REGISTRY_TOKEN_FILE");
  }
}
