package dev.schemagate.operator;

import dev.schemagate.core.config.ConfigException;
import dev.schemagate.core.config.Environments;
import dev.schemagate.core.config.Settings;
import dev.schemagate.operator.contract.LineageSettings;
import dev.schemagate.operator.promotion.PromotionSettings;
import dev.schemagate.operator.promotion.notify.NotificationSettings;
import dev.schemagate.registry.client.RegistryAccess;
import java.util.Map;

/**
 * Everything the operator reads from its environment, read once at start-up (every variable is
 * listed in {@code operator/README.md} and in {@link #USAGE}); nothing deeper in the wiring looks
 * at the environment.
 *
 * @param logLevel {@code SCHEMAGATE_LOG_LEVEL}, applied by {@code logback.xml}; read here so a bad
 *     value stops start-up with a clear line
 * @param registryAccess the credentials and CA of every registry client the operator builds (its
 *     own registry, a separate lineage registry, each environment's registry for promotions)
 */
public record OperatorConfig(
    OperatorSettings operator,
    LineageSettings lineage,
    PromotionSettings promotions,
    Settings.LogLevel logLevel,
    RegistryAccess registryAccess) {

  /** The operator's {@code --help}. */
  public static final String USAGE =
      """
      schemagate operator: reconciles DataSchema, DataContract and Promotion resources into the
      schema registry. Runs against the current kubeconfig or in-cluster.
      Usage: java -jar schemagate-operator.jar [--help]
      Environment:
        SCHEMAGATE_REGISTRY_URL          registry (comma-separated for fail-over; default http://localhost:8081)
        SCHEMAGATE_WATCH_NAMESPACES      comma-separated namespaces (default: all)
        SCHEMAGATE_METRICS_PORT          plain-HTTP /metrics and /healthz (default 8080; -1 off)
        SCHEMAGATE_RESYNC_INTERVAL       drift re-check (default 5m)
        SCHEMAGATE_RETRY_INTERVAL        retry while a registry is down (default 10s)
        SCHEMAGATE_REGISTRY_TIMEOUT      per registry request (default 5s)
        SCHEMAGATE_DELETION_TIMEOUT      release a Delete-policy resource after (default 10m)
        SCHEMAGATE_RECONCILE_THREADS     default 32
        SCHEMAGATE_USE_SSA               status by server-side apply (default true)
        SCHEMAGATE_LEADER_ELECTION       default true
        SCHEMAGATE_LEASE_NAMESPACE       lease namespace (default POD_NAMESPACE)
        SCHEMAGATE_EVENT_QUEUE           Kubernetes events waiting to be written (default 1000; then dropped)
        SCHEMAGATE_EVENT_QPS             Kubernetes events written a second (default 50; 0 no limit)
        SCHEMAGATE_ENVIRONMENTS          promotion environments: name=url[,name=url...]
        SCHEMAGATE_LINEAGE_URL           registry holding lineage (default SCHEMAGATE_REGISTRY_URL)
        SCHEMAGATE_LINEAGE_NAMESPACE     OpenLineage namespace of the topics (default kafka)
        SCHEMAGATE_ENVIRONMENT           the environment this cluster runs, e.g. prod
        SCHEMAGATE_SLACK_WEBHOOK_URL     Slack incoming webhook for promotion notices
        SCHEMAGATE_PAGERDUTY_ROUTING_KEY PagerDuty Events API v2 routing key
        SCHEMAGATE_PAGERDUTY_EVENTS_URL  default https://events.pagerduty.com/v2/enqueue
        SCHEMAGATE_LOG_LEVEL             trace, debug, info (default), warn, error, off
        SCHEMAGATE_REGISTRY_USER         HTTP Basic user for every registry the operator calls
        SCHEMAGATE_REGISTRY_PASSWORD     its password
        SCHEMAGATE_REGISTRY_TOKEN_FILE   or: a file holding a bearer token (re-read when it changes)
        SCHEMAGATE_REGISTRY_CA_FILE      PEM CA certificates to trust for https registries
      Durations: 500ms, 30s, 5m, 1h. A bad value stops start-up with exit code 2.""";

  /**
   * Reads the whole environment.
   *
   * @throws ConfigException naming the first variable whose value cannot be used
   */
  public static OperatorConfig fromEnv(Map<String, String> env) {
    Settings settings = Settings.of(env);
    OperatorSettings operator = OperatorSettings.from(settings);
    RegistryAccess access = RegistryAccess.from(settings);
    return new OperatorConfig(
        operator,
        LineageSettings.from(settings, operator.registryUrl()),
        PromotionSettings.from(
            settings, operator.registryTimeout(), operator.retryInterval(), access),
        settings.logLevel(),
        access);
  }

  /** The operator settings alone: no environments, no notices, lineage in the same registry. */
  public static OperatorConfig of(OperatorSettings operator) {
    return new OperatorConfig(
        operator,
        LineageSettings.from(Settings.of(Map.of()), operator.registryUrl()),
        new PromotionSettings(
            Environments.none(),
            operator.registryTimeout(),
            operator.retryInterval(),
            NotificationSettings.none(),
            RegistryAccess.none()),
        Settings.LogLevel.INFO,
        RegistryAccess.none());
  }
}
