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
                "SCHEMAGATE_ENVIRONMENT_REGISTRIES", "dev=http://dev:8081, prod=https://prod",
                "SCHEMAGATE_PROMOTION_ALLOWED_SKIPS", "dev->prod",
                "SCHEMAGATE_WEBHOOK_FAILURE_MODE", "open",
                "SCHEMAGATE_WEBHOOK_REGISTRY_TIMEOUT", "750ms"));
    assertThat(config.registryOf("dev")).isEqualTo(URI.create("http://dev:8081"));
    assertThat(config.registryOf("staging")).isEqualTo(URI.create("http://registry:8081"));
    assertThat(config.environments().allowedSkips()).hasSize(1);
    assertThat(config.failurePolicy()).isEqualTo(FailurePolicy.OPEN);
    assertThat(config.registryTimeout()).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void shouldReadEnvironmentsAndTheirRegistriesFromTheOperatorsFormat() throws Exception {
    WebhookConfig config =
        WebhookConfig.fromEnv(
            Map.of(
                "SCHEMAGATE_REGISTRY_URL", "http://registry:8081",
                "SCHEMAGATE_ENVIRONMENTS", "dev=http://dev:8081,staging=http://staging:8081"));
    assertThat(config.environments().order()).containsExactly("dev", "staging");
    assertThat(config.registryOf("staging")).isEqualTo(URI.create("http://staging:8081"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SCHEMAGATE_WEBHOOK_PORT|https|SCHEMAGATE_WEBHOOK_PORT: 'https' is not a port number",
        "SCHEMAGATE_WEBHOOK_PORT|70000|is not a port number",
        "SCHEMAGATE_REGISTRY_URL|registry:8081|SCHEMAGATE_REGISTRY_URL: 'registry:8081' is not an http(s) URL",
        "SCHEMAGATE_WEBHOOK_FAILURE_MODE|maybe|is neither closed nor open",
        "SCHEMAGATE_WEBHOOK_REGISTRY_TIMEOUT|2 seconds|is not a duration like 2s or 500ms",
        "SCHEMAGATE_ENVIRONMENTS|dev,dev|listed twice",
        "SCHEMAGATE_ENVIRONMENTS|dev=http://a,staging=ftp://b|SCHEMAGATE_ENVIRONMENTS[staging]",
        "SCHEMAGATE_ENVIRONMENT_REGISTRIES|dev|is not env=url"
      })
  void shouldRefuseAnUnusableValueNamingTheVariable(String variable, String value, String message) {
    assertThatThrownBy(() -> WebhookConfig.fromEnv(Map.of(variable, value)))
        .isInstanceOf(WebhookConfig.InvalidConfig.class)
        .hasMessageContaining(message);
  }
}
