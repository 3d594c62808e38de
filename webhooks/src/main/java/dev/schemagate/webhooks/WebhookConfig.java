package dev.schemagate.webhooks;

import dev.schemagate.core.config.ConfigException;
import dev.schemagate.core.config.Enums;
import dev.schemagate.core.config.Environments;
import dev.schemagate.core.config.Settings;
import dev.schemagate.core.review.EnvironmentGraph;
import dev.schemagate.registry.client.RegistryAccess;
import dev.schemagate.webhooks.admission.FailurePolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The webhooks' configuration, read once from environment variables at start-up (every variable is
 * listed in {@code webhooks/README.md} and in {@link #USAGE}).
 *
 * @param environments the promotion order, from {@code SCHEMAGATE_ENVIRONMENTS} (the operator's
 *     format, {@code name=url,...}) and {@code SCHEMAGATE_PROMOTION_ALLOWED_SKIPS}
 * @param environmentRegistries each environment's registry, for the Promotion source check
 * @param logLevel {@code SCHEMAGATE_LOG_LEVEL}, applied by {@code logback.xml}
 * @param registryAccess credentials and CA for every registry the webhooks call ({@code
 *     SCHEMAGATE_REGISTRY_USER}/{@code _PASSWORD}, {@code _TOKEN_FILE}, {@code _CA_FILE})
 */
public record WebhookConfig(
    int port,
    Path certFile,
    Path keyFile,
    URI registryUrl,
    FailurePolicy failurePolicy,
    Duration registryTimeout,
    Duration historyCacheTtl,
    EnvironmentGraph environments,
    Map<String, URI> environmentRegistries,
    int maxBodyBytes,
    Settings.LogLevel logLevel,
    RegistryAccess registryAccess) {

  public static final int DEFAULT_PORT = 8443;
  public static final int DEFAULT_MAX_BODY = 3 * 1024 * 1024;

  /** The webhooks' {@code --help}. */
  public static final String USAGE =
      """
      schemagate webhooks: validating admission webhooks for DataSchema, DataContract and Promotion.
      Usage: java -jar schemagate-webhooks.jar [--help]
      Environment:
        SCHEMAGATE_WEBHOOK_PORT             HTTPS port (default 8443)
        SCHEMAGATE_TLS_CERT, SCHEMAGATE_TLS_KEY  PEM files, reloaded on rotation
                                            (default /etc/schemagate/tls/tls.crt, tls.key)
        SCHEMAGATE_REGISTRY_URL             registry (default http://localhost:8081)
        SCHEMAGATE_WEBHOOK_FAILURE_MODE     closed (default) or open, when the registry is down
        SCHEMAGATE_WEBHOOK_REGISTRY_TIMEOUT bound on registry calls (default 2s)
        SCHEMAGATE_WEBHOOK_CACHE_TTL        subject history cache (default 5s; revalidated per review)
        SCHEMAGATE_WEBHOOK_DEADLINE         every review answered within this (default 4s)
        SCHEMAGATE_METRICS_PORT             plain-HTTP /metrics (default 8080, -1 for none)
        SCHEMAGATE_ENVIRONMENTS             promotion environments: name=url[,name=url...]
                                            (default dev, staging, prod, all on SCHEMAGATE_REGISTRY_URL)
        SCHEMAGATE_PROMOTION_ALLOWED_SKIPS  e.g. dev->prod
        SCHEMAGATE_LOG_LEVEL                trace, debug, info (default), warn, error, off
        SCHEMAGATE_REGISTRY_USER            HTTP Basic user for every registry the webhooks call
        SCHEMAGATE_REGISTRY_PASSWORD        its password
        SCHEMAGATE_REGISTRY_TOKEN_FILE      or: a file holding a bearer token (re-read on change)
        SCHEMAGATE_REGISTRY_CA_FILE         PEM CA certificates to trust for https registries
      Durations: 500ms, 30s, 5m, 1h. A bad value stops start-up with exit code 2.""";

  public WebhookConfig {
    environmentRegistries = Map.copyOf(environmentRegistries);
  }

  /** A variable with a value that cannot be used; the message names it. */
  public static final class InvalidConfig extends Exception {
    InvalidConfig(String message) {
      super(message);
    }
  }

  public static WebhookConfig fromEnv(Map<String, String> env) throws InvalidConfig {
    try {
      return from(Settings.of(env));
    } catch (IllegalArgumentException invalid) {
      throw new InvalidConfig(invalid.getMessage());
    }
  }

  /**
   * Reads the settings.
   *
   * @throws ConfigException naming the first variable whose value cannot be used
   */
  public static WebhookConfig from(Settings env) {
    if (env.optional("SCHEMAGATE_ENVIRONMENT_REGISTRIES").isPresent()) {
      throw new ConfigException(
          "SCHEMAGATE_ENVIRONMENT_REGISTRIES",
          "SCHEMAGATE_ENVIRONMENT_REGISTRIES is gone: give each environment its registry in"
              + " SCHEMAGATE_ENVIRONMENTS=name=url[,name=url...], the value the operator reads");
    }
    URI registryUrl = env.url("SCHEMAGATE_REGISTRY_URL", "http://localhost:8081");
    Environments configured = env.environments();
    // Unset: the default order, every environment on the one registry.
    Map<String, URI> registries = new LinkedHashMap<>();
    if (configured.isEmpty()) {
      EnvironmentGraph.DEFAULT.order().forEach(name -> registries.put(name, registryUrl));
    } else {
      registries.putAll(configured.registries());
    }
    String skips = env.text("SCHEMAGATE_PROMOTION_ALLOWED_SKIPS", "");
    EnvironmentGraph graph;
    try {
      graph = EnvironmentGraph.parse(String.join(",", registries.keySet()), skips);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "SCHEMAGATE_PROMOTION_ALLOWED_SKIPS",
          "SCHEMAGATE_PROMOTION_ALLOWED_SKIPS='%s': %s".formatted(skips, e.getMessage()));
    }
    return new WebhookConfig(
        env.integer("SCHEMAGATE_WEBHOOK_PORT", DEFAULT_PORT, 0, 65535),
        Path.of(env.text("SCHEMAGATE_TLS_CERT", "/etc/schemagate/tls/tls.crt")),
        Path.of(env.text("SCHEMAGATE_TLS_KEY", "/etc/schemagate/tls/tls.key")),
        registryUrl,
        failurePolicy(env),
        env.positiveDuration("SCHEMAGATE_WEBHOOK_REGISTRY_TIMEOUT", "2s"),
        env.duration("SCHEMAGATE_WEBHOOK_CACHE_TTL", "5s"),
        graph,
        registries,
        DEFAULT_MAX_BODY,
        env.logLevel(),
        RegistryAccess.from(env));
  }

  /** The registry of {@code environment}. */
  public URI registryOf(String environment) {
    return environmentRegistries.getOrDefault(environment, registryUrl);
  }

  /** {@code closed} or {@code open}; Kubernetes' own words ({@code Fail}, {@code Ignore}) too. */
  private static FailurePolicy failurePolicy(Settings env) {
    String name = "SCHEMAGATE_WEBHOOK_FAILURE_MODE";
    String text = env.text(name, "closed");
    String word =
        switch (text.toLowerCase(Locale.ROOT)) {
          case "fail", "fail-closed" -> "closed";
          case "ignore", "fail-open" -> "open";
          default -> text;
        };
    return Enums.parse(FailurePolicy.class, word)
        .orElseThrow(
            () ->
                new ConfigException(
                    name, "%s='%s' must be one of closed, open".formatted(name, text)));
  }
}
