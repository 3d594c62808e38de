package dev.schemagate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorSettingsTest {
  @Test
  void shouldDefaultToAllNamespacesAndALocalRegistry() {
    OperatorSettings settings = OperatorSettings.fromEnv(Map.of());

    assertThat(settings.registryUrl()).isEqualTo("http://localhost:8081");
    assertThat(settings.watchNamespaces()).isEmpty();
    assertThat(settings.resync()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.useSsa()).isTrue();
    assertThat(settings.leaderElection()).isTrue();
    assertThat(settings.eventQueue()).isEqualTo(1000);
    assertThat(settings.eventsPerSecond()).isEqualTo(50);
  }

  @Test
  void shouldReadEveryVariable() {
    OperatorSettings settings =
        OperatorSettings.fromEnv(
            Map.of(
                "SCHEMAGATE_REGISTRY_URL", "http://registry:8081",
                "SCHEMAGATE_WATCH_NAMESPACES", " orders, identity ,,",
                "SCHEMAGATE_RESYNC_INTERVAL", "30s",
                "SCHEMAGATE_RECONCILE_THREADS", "8",
                "SCHEMAGATE_USE_SSA", "false",
                "SCHEMAGATE_EVENT_QUEUE", "50",
                "SCHEMAGATE_EVENT_QPS", "0",
                "POD_NAMESPACE", "schemagate"));

    assertThat(settings.registryUrl()).isEqualTo("http://registry:8081");
    assertThat(settings.watchNamespaces()).containsExactlyInAnyOrder("orders", "identity");
    assertThat(settings.resync()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.reconcileThreads()).isEqualTo(8);
    assertThat(settings.useSsa()).isFalse();
    assertThat(settings.leaseNamespace()).isEqualTo("schemagate");
    assertThat(settings.eventQueue()).isEqualTo(50);
    assertThat(settings.eventsPerSecond()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "SCHEMAGATE_RESYNC_INTERVAL, 5 minutes, not a duration such as 500ms",
    "SCHEMAGATE_RESYNC_INTERVAL, 0s, longer than zero",
    "SCHEMAGATE_REGISTRY_URL, registry:8081, not an http(s) URL",
    "SCHEMAGATE_ENVIRONMENTS, dev;prod, has no registry URL",
    "SCHEMAGATE_LOG_LEVEL, loud, one of trace, debug, info",
    "SCHEMAGATE_RECONCILE_THREADS, many, whole number from 1 to 1024",
    "SCHEMAGATE_RECONCILE_THREADS, 0, whole number from 1 to 1024",
    "SCHEMAGATE_METRICS_PORT, 70000, whole number from -1 to 65535",
    "SCHEMAGATE_USE_SSA, yes, true or false",
    "SCHEMAGATE_EVENT_QUEUE, 0, whole number from 1 to 1000000",
    "SCHEMAGATE_EVENT_QPS, -1, whole number from 0 to 100000"
  })
  void shouldRefuseABadValueNamingTheVariable(String name, String value, String expected) {
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of(name, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(value)
        .hasMessageContaining(expected);
  }

  @Test
  void shouldReadTheWholeConfigurationOnceWithEnvironmentsInTheSharedFormat() {
    OperatorConfig config =
        OperatorConfig.fromEnv(
            Map.of(
                "SCHEMAGATE_REGISTRY_URL", "http://registry:8081",
                "SCHEMAGATE_ENVIRONMENTS",
                    "dev=http://registry.dev:8081,prod=http://registry.prod:8081",
                "SCHEMAGATE_LINEAGE_NAMESPACE", "kafka-prod",
                "SCHEMAGATE_SLACK_WEBHOOK_URL", "https://hooks.slack.test/x",
                "SCHEMAGATE_LOG_LEVEL", "debug"));

    assertThat(config.promotions().environments().names()).containsExactly("dev", "prod");
    assertThat(config.lineage().lineageUrl()).isEqualTo("http://registry:8081");
    assertThat(config.lineage().namespace()).isEqualTo("kafka-prod");
    assertThat(config.promotions().notifications().slackWebhook()).isPresent();
    assertThat(config.logLevel()).isEqualTo(dev.schemagate.core.config.Settings.LogLevel.DEBUG);
  }

  @Test
  void shouldAcceptSeveralRegistryUrlsForFailOver() {
    assertThat(
            OperatorSettings.fromEnv(
                    Map.of("SCHEMAGATE_REGISTRY_URL", "http://a:8081, http://b:8081"))
                .registryUrl())
        .isEqualTo("http://a:8081,http://b:8081");
  }

  @Test
  void shouldReadTheRegistryCredentialsOnceForEveryClientTheOperatorBuilds() {
    OperatorConfig config =
        OperatorConfig.fromEnv(
            Map.of(
                "SCHEMAGATE_REGISTRY_USER", "schemagate-operator",
                "SCHEMAGATE_REGISTRY_PASSWORD", "pw"));

    assertThat(config.registryAccess().credentials())
        .isEqualTo(
            dev.schemagate.registry.client.RegistryCredentials.basic("schemagate-operator", "pw"));
    // promotions call each environment's registry with the same credentials
    assertThat(config.promotions().registryAccess()).isEqualTo(config.registryAccess());
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("SCHEMAGATE_REGISTRY_PASSWORD", "pw")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCHEMAGATE_REGISTRY_USER is not");
  }
}
