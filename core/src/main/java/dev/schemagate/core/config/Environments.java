package dev.schemagate.core.config;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The environments a schema is promoted through, in order, each with its registry: the one format
 * of {@code SCHEMAGATE_ENVIRONMENTS}, read by the operator and the webhooks alike:
 *
 * <pre>dev=http://registry.dev:8081,staging=http://registry.staging:8081,prod=https://registry.prod
 * </pre>
 *
 * Names are lower-case DNS labels (they appear in {@code Promotion.spec.from/to}); the order is the
 * promotion order.
 */
public record Environments(Map<String, URI> registries) {
  public static final String VARIABLE = "SCHEMAGATE_ENVIRONMENTS";
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final String EXAMPLE =
      "dev=http://registry.dev:8081,prod=http://registry.prod:8081";

  public Environments {
    registries = Collections.unmodifiableMap(new LinkedHashMap<>(registries));
  }

  /** No environment configured: promotions cannot run. */
  public static Environments none() {
    return new Environments(Map.of());
  }

  /** Parses {@code SCHEMAGATE_ENVIRONMENTS}; blank or absent means {@link #none()}. */
  public static Environments parse(String text) {
    return parse(VARIABLE, text);
  }

  /**
   * Parses {@code name=url[,name=url...]}.
   *
   * @throws ConfigException naming the variable and the entry at fault
   */
  public static Environments parse(String variable, String text) {
    Map<String, URI> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return new Environments(out);
    }
    for (String entry : text.split(",")) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      int eq = e.indexOf('=');
      if (eq < 0) {
        throw new ConfigException(
            variable,
            "%s: '%s' has no registry URL; write name=url, e.g. %s"
                .formatted(variable, e, EXAMPLE));
      }
      String name = e.substring(0, eq).strip();
      String url = e.substring(eq + 1).strip();
      if (!NAME.matcher(name).matches()) {
        throw new ConfigException(
            variable,
            "%s: environment name '%s' must be a lower-case DNS label (a-z, 0-9, -)"
                .formatted(variable, name));
      }
      URI uri = url(variable, name, url);
      if (out.put(name, uri) != null) {
        throw new ConfigException(
            variable, "%s: environment '%s' is listed twice".formatted(variable, name));
      }
    }
    return new Environments(out);
  }

  private static URI url(String variable, String name, String text) {
    return Settings.httpUrl(text)
        .orElseThrow(
            () ->
                new ConfigException(
                    variable,
                    "%s: the registry of '%s' must be an http(s) URL, got '%s'"
                        .formatted(variable, name, text)));
  }

  public Optional<URI> registry(String environment) {
    return Optional.ofNullable(registries.get(environment));
  }

  /** The environment names, in promotion order. */
  public List<String> names() {
    return List.copyOf(registries.keySet());
  }

  public boolean isEmpty() {
    return registries.isEmpty();
  }

  @Override
  public String toString() {
    return registries.isEmpty() ? "(none)" : String.join(" -> ", registries.keySet());
  }
}
