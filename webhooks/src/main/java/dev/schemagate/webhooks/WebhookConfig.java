package dev.schemagate.webhooks;

import dev.schemagate.core.review.EnvironmentGraph;
import dev.schemagate.webhooks.admission.FailurePolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook's configuration, from environment variables (the Kubernetes way).
 *
 * @param environmentRegistries each environment's registry, for the Promotion source check;
 *     environments not listed use {@code registryUrl}
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
    int maxBodyBytes) {

  public static final int DEFAULT_PORT = 8443;
  public static final int DEFAULT_MAX_BODY = 3 * 1024 * 1024;
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");

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
      return new WebhookConfig(
          port(env.getOrDefault("SCHEMAGATE_WEBHOOK_PORT", String.valueOf(DEFAULT_PORT))),
          Path.of(env.getOrDefault("SCHEMAGATE_TLS_CERT", "/etc/schemagate/tls/tls.crt")),
          Path.of(env.getOrDefault("SCHEMAGATE_TLS_KEY", "/etc/schemagate/tls/tls.key")),
          uri(
              "SCHEMAGATE_REGISTRY_URL",
              env.getOrDefault("SCHEMAGATE_REGISTRY_URL", "http://localhost:8081")),
          failurePolicy(env.getOrDefault("SCHEMAGATE_WEBHOOK_FAILURE_MODE", "closed")),
          duration(
              "SCHEMAGATE_WEBHOOK_REGISTRY_TIMEOUT",
              env.getOrDefault("SCHEMAGATE_WEBHOOK_REGISTRY_TIMEOUT", "2s")),
          duration(
              "SCHEMAGATE_WEBHOOK_CACHE_TTL",
              env.getOrDefault("SCHEMAGATE_WEBHOOK_CACHE_TTL", "5s")),
          EnvironmentGraph.parse(
              env.getOrDefault("SCHEMAGATE_ENVIRONMENTS", "dev,staging,prod"),
              env.getOrDefault("SCHEMAGATE_PROMOTION_ALLOWED_SKIPS", "")),
          registries(env.getOrDefault("SCHEMAGATE_ENVIRONMENT_REGISTRIES", "")),
          DEFAULT_MAX_BODY);
    } catch (IllegalArgumentException invalid) {
      throw new InvalidConfig(invalid.getMessage());
    }
  }

  /** The registry of {@code environment}. */
  public URI registryOf(String environment) {
    return environmentRegistries.getOrDefault(environment, registryUrl);
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        "SCHEMAGATE_WEBHOOK_PORT: '" + text + "' is not a port number (0-65535)");
  }

  private static URI uri(String name, String text) {
    try {
      URI uri = URI.create(text.trim());
      if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(name + ": '" + text + "' is not an http(s) URL");
  }

  private static FailurePolicy failurePolicy(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "closed", "fail", "fail-closed" -> FailurePolicy.CLOSED;
      case "open", "ignore", "fail-open" -> FailurePolicy.OPEN;
      default ->
          throw new IllegalArgumentException(
              "SCHEMAGATE_WEBHOOK_FAILURE_MODE: '" + text + "' is neither closed nor open");
    };
  }

  static Duration duration(String name, String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          name + ": '" + text + "' is not a duration like 2s or 500ms");
    }
    long n = Long.parseLong(m.group(1));
    return m.group(2).equals("ms") ? Duration.ofMillis(n) : Duration.ofSeconds(n);
  }

  private static Map<String, URI> registries(String text) {
    Map<String, URI> registries = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "SCHEMAGATE_ENVIRONMENT_REGISTRIES: '" + entry + "' is not env=url");
      }
      String environment = entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      registries.put(
          environment,
          uri("SCHEMAGATE_ENVIRONMENT_REGISTRIES[" + environment + "]", entry.substring(eq + 1)));
    }
    return registries;
  }
}
