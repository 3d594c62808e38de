package dev.schemagate.registry.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link SchemaRegistryClient}:
 *
 * <pre>{@code
 * SchemaRegistryClient client =
 *     SchemaRegistryClient.builder("http://registry:8081")
 *         .requestTimeout(Duration.ofSeconds(2))
 *         .maxBlock(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 *
 * Defaults: connect timeout 2 s, request timeout 5 s, max block 10 s, backoff 100 ms doubling to 2
 * s, fail fast for 1 s after the registry was found unavailable, latest-version TTL 5 s, 10,000
 * entries per cache.
 */
public final class SchemaRegistryClientBuilder {
  private final List<URI> urls;
  private Duration connectTimeout = Duration.ofSeconds(2);
  private Duration requestTimeout = Duration.ofSeconds(5);
  private Duration maxBlock = Duration.ofSeconds(10);
  private Duration initialBackoff = Duration.ofMillis(100);
  private Duration maxBackoff = Duration.ofSeconds(2);
  private Duration failFastFor = Duration.ofSeconds(1);
  private Duration latestTtl = Duration.ofSeconds(5);
  private long cacheCapacity = 10_000;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private RegistryCredentials credentials = RegistryCredentials.none();
  private java.util.Optional<javax.net.ssl.SSLContext> ssl = java.util.Optional.empty();

  SchemaRegistryClientBuilder(List<String> urls) {
    List<URI> parsed = new ArrayList<>();
    for (String entry : urls) {
      for (String url : entry.split(",")) {
        if (!url.isBlank()) {
          parsed.add(parse(url.strip()));
        }
      }
    }
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("a schema registry URL is required");
    }
    this.urls = List.copyOf(parsed);
  }

  private static URI parse(String url) {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url : url + "/");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid schema registry URL '" + url + "': " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "invalid schema registry URL '" + url + "': expected http(s)://host[:port][/path]");
    }
    return uri;
  }

  /** Time to establish a TCP (and TLS) connection. */
  public SchemaRegistryClientBuilder connectTimeout(Duration value) {
    this.connectTimeout = positive("connectTimeout", value);
    return this;
  }

  /** Time one attempt may take, from sending to the last byte of the answer. */
  public SchemaRegistryClientBuilder requestTimeout(Duration value) {
    this.requestTimeout = positive("requestTimeout", value);
    return this;
  }

  /** Upper bound on the time one client call may block, retries included. */
  public SchemaRegistryClientBuilder maxBlock(Duration value) {
    this.maxBlock = positive("maxBlock", value);
    return this;
  }

  /** First retry pause and its cap; pauses double, with jitter, between the two. */
  public SchemaRegistryClientBuilder backoff(Duration initial, Duration max) {
    this.initialBackoff = positive("initial backoff", initial);
    this.maxBackoff = positive("max backoff", max);
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff must not be below the initial backoff");
    }
    return this;
  }

  /** After a call found the registry unavailable, further calls fail at once for this long. */
  public SchemaRegistryClientBuilder failFastFor(Duration value) {
    this.failFastFor = nonNegative("failFastFor", value);
    return this;
  }

  /** How long "latest version" answers are served from cache before revalidation (0: always). */
  public SchemaRegistryClientBuilder latestTtl(Duration value) {
    this.latestTtl = nonNegative("latestTtl", value);
    return this;
  }

  /** Maximum entries of each in-process cache. */
  public SchemaRegistryClientBuilder cacheCapacity(long value) {
    if (value < 1) {
      throw new IllegalArgumentException("cacheCapacity must be at least 1");
    }
    this.cacheCapacity = value;
    return this;
  }

  /** An extra header on every request (e.g. an API key). */
  public SchemaRegistryClientBuilder header(String name, String value) {
    headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** HTTP basic authentication, as Confluent's {@code basic.auth.user.info}. */
  public SchemaRegistryClientBuilder basicAuth(String user, String password) {
    return credentials(RegistryCredentials.basic(user, password));
  }

  /** A bearer token read from this file, and read again whenever the file changes. */
  public SchemaRegistryClientBuilder bearerTokenFile(java.nio.file.Path file) {
    return credentials(RegistryCredentials.bearerTokenFile(file));
  }

  public SchemaRegistryClientBuilder credentials(RegistryCredentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return this;
  }

  /** Trust the CA certificates of this PEM file for https registry URLs. */
  public SchemaRegistryClientBuilder caFile(java.nio.file.Path caFile) {
    this.ssl = java.util.Optional.of(RegistryTrust.fromCaFile(caFile));
    return this;
  }

  /** The credentials and CA a server read into its configuration at start-up. */
  public SchemaRegistryClientBuilder access(RegistryAccess access) {
    credentials(access.credentials());
    access.caFile().ifPresent(this::caFile);
    return this;
  }

  /**
   * Credentials and CA from the shared variables: {@code SCHEMAGATE_REGISTRY_USER}, {@code
   * SCHEMAGATE_REGISTRY_PASSWORD}, {@code SCHEMAGATE_REGISTRY_TOKEN_FILE}, {@code
   * SCHEMAGATE_REGISTRY_CA_FILE}. Unset variables change nothing.
   */
  public SchemaRegistryClientBuilder fromEnvironment(Map<String, String> env) {
    RegistryCredentials fromEnv = RegistryCredentials.fromEnvironment(env);
    if (!(fromEnv instanceof RegistryCredentials.None)) {
      credentials(fromEnv);
    }
    RegistryTrust.fromEnvironment(env)
        .ifPresent(context -> this.ssl = java.util.Optional.of(context));
    return this;
  }

  public SchemaRegistryClient build() {
    return new HttpSchemaRegistryClient(
        urls,
        new ClientSettings(
            connectTimeout,
            requestTimeout,
            maxBlock,
            initialBackoff,
            maxBackoff,
            failFastFor,
            latestTtl,
            cacheCapacity,
            headers,
            credentials,
            ssl));
  }

  private static Duration positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration");
    }
    return value;
  }

  private static Duration nonNegative(String name, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return value;
  }
}
