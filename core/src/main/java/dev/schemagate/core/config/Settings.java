package dev.schemagate.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a server's environment, each failing with a {@link ConfigException} that names the
 * variable. A server reads its settings through one of these once, at start-up, into its
 * configuration record; nothing deeper in the wiring looks at the environment. A blank value counts
 * as unset (Kubernetes manifests often carry {@code value: ""}).
 */
public final class Settings {
  /** The log level of schemagate's own loggers, in every server. */
  public static final String LOG_LEVEL = "SCHEMAGATE_LOG_LEVEL";

  /** What {@code SCHEMAGATE_LOG_LEVEL} accepts; logback applies it (see each logback.xml). */
  public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR,
    OFF
  }

  private final Map<String, String> env;

  private Settings(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public static Settings of(Map<String, String> env) {
    return new Settings(env);
  }

  /** The value, stripped, when set and not blank. */
  public Optional<String> optional(String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  public String text(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  /** A duration (zero allowed) in the syntax of {@link Durations}. */
  public Duration duration(String name, String fallback) {
    return Durations.parse(name, text(name, fallback));
  }

  /** A duration longer than zero. */
  public Duration positiveDuration(String name, String fallback) {
    return Durations.parsePositive(name, text(name, fallback));
  }

  public int integer(String name, int fallback, int min, int max) {
    String text = text(name, Integer.toString(fallback));
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new ConfigException(
        name, "%s='%s' must be a whole number from %d to %d".formatted(name, text, min, max));
  }

  public boolean bool(String name, boolean fallback) {
    String text = text(name, Boolean.toString(fallback));
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(name, "%s='%s' must be true or false".formatted(name, text));
  }

  public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
    return optional(name).map(text -> Enums.parse(type, name, text)).orElse(fallback);
  }

  /** An http(s) URL with a host. */
  public URI url(String name, String fallback) {
    return url(name, text(name, fallback), text(name, fallback));
  }

  /** One or more http(s) URLs, comma-separated (a client fails over between them). */
  public List<URI> urls(String name, String fallback) {
    String text = text(name, fallback);
    List<URI> urls = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        urls.add(url(name, text, part.strip()));
      }
    }
    if (urls.isEmpty()) {
      throw new ConfigException(name, "%s='%s' names no URL".formatted(name, text));
    }
    return List.copyOf(urls);
  }

  private static URI url(String name, String whole, String text) {
    return httpUrl(text)
        .orElseThrow(
            () ->
                new ConfigException(
                    name,
                    "%s='%s' is not an http(s) URL such as http://registry:8081"
                        .formatted(name, whole)));
  }

  /** {@code text} as an http or https URL with a host, if it is one. */
  static Optional<URI> httpUrl(String text) {
    try {
      URI uri = URI.create(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme();
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (IllegalArgumentException notAUri) {
      // not a URL at all: the caller names the setting
    }
    return Optional.empty();
  }

  /** {@code SCHEMAGATE_ENVIRONMENTS}, in its one format (see {@link Environments}). */
  public Environments environments() {
    return Environments.parse(Environments.VARIABLE, env.get(Environments.VARIABLE));
  }

  /** {@code SCHEMAGATE_LOG_LEVEL}, default INFO. */
  public LogLevel logLevel() {
    return choice(LOG_LEVEL, LogLevel.class, LogLevel.INFO);
  }
}
