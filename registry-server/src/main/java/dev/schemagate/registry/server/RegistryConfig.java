package dev.schemagate.registry.server;

import dev.schemagate.core.config.ConfigException;
import dev.schemagate.core.config.Settings;
import dev.schemagate.registry.server.security.SecurityConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a registry server runs. Read from environment variables (the Kubernetes way) with command
 * line flags overriding them; tests use {@link #forTests()} or {@link #builder()}.
 *
 * @param host the address to bind
 * @param port the HTTP port; 0 picks a free one
 * @param database an external PostgreSQL; empty starts an embedded one under {@code dataDir}
 * @param redisUrl a shared Redis cache; empty runs on the in-process cache alone
 * @param dataDir where the embedded PostgreSQL keeps its data
 * @param ephemeralDataDir delete {@code dataDir} when the server closes (tests)
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param security authentication and TLS; {@link SecurityConfig#NONE} leaves both off
 * @param severityPolicy a lineage severity policy file (YAML or JSON); empty uses the built-in one
 */
public record RegistryConfig(
    String host,
    int port,
    Optional<DatabaseConfig> database,
    Optional<URI> redisUrl,
    Path dataDir,
    boolean ephemeralDataDir,
    long maxRequestBytes,
    SecurityConfig security,
    Optional<Path> severityPolicy) {

  public static final int DEFAULT_PORT = 8081;
  public static final long DEFAULT_MAX_REQUEST_BYTES = 8L * 1024 * 1024;

  public RegistryConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(severityPolicy, "severityPolicy");
    if (port < 0 || port > 65535) {
      throw new InvalidConfigException("port must be between 0 and 65535, got " + port);
    }
    if (maxRequestBytes < 1024) {
      throw new InvalidConfigException("max request size must be at least 1024 bytes");
    }
  }

  /** Port 0 on loopback, an embedded PostgreSQL in a fresh temporary directory, no Redis. */
  public static Builder forTests() {
    try {
      return builder()
          .host("127.0.0.1")
          .port(0)
          .dataDir(Files.createTempDirectory("schemagate-registry-"))
          .ephemeralDataDir(true);
    } catch (java.io.IOException e) {
      throw new InvalidConfigException(
          "cannot create a temporary data directory: " + e.getMessage());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Environment variables {@code SCHEMAGATE_PORT}, {@code SCHEMAGATE_HOST}, {@code
   * SCHEMAGATE_DB_URL}, {@code SCHEMAGATE_DB_USER}, {@code SCHEMAGATE_DB_PASSWORD}, {@code
   * SCHEMAGATE_REDIS_URL}, {@code SCHEMAGATE_DATA_DIR}, {@code SCHEMAGATE_MAX_REQUEST_BYTES},
   * {@code SCHEMAGATE_SEVERITY_POLICY} and the security ones ({@link SecurityConfig}), each
   * overridden by the flag of the same name ({@code --port=8081}, {@code --db-url=...}).
   */
  public static RegistryConfig fromEnvironment(Map<String, String> env, List<String> args) {
    Map<String, String> values = new java.util.HashMap<>();
    env.forEach(
        (key, value) -> {
          if (key.startsWith("SCHEMAGATE_") && !value.isBlank()) {
            values.put(
                key.substring("SCHEMAGATE_".length()).toLowerCase().replace('_', '-'), value);
          }
        });
    List<String> unknown = new ArrayList<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new InvalidConfigException(
            "flags look like --name=value (e.g. --port=8081), got '" + arg + "'");
      }
      String name = arg.substring(2, arg.indexOf('='));
      if (!Builder.FLAGS.contains(name)) {
        unknown.add(name);
      }
      values.put(name, arg.substring(arg.indexOf('=') + 1));
    }
    if (!unknown.isEmpty()) {
      throw new InvalidConfigException(
          "unknown flag(s) " + unknown + "; known flags: " + Builder.FLAGS);
    }
    try {
      // Applied by logback.xml; read here so a bad value stops start-up like any other.
      Settings.of(env).logLevel();
    } catch (ConfigException e) {
      throw new InvalidConfigException(e.getMessage());
    }
    Builder builder =
        builder()
            .host(values.getOrDefault("host", "0.0.0.0"))
            .port(parsePort(values.getOrDefault("port", String.valueOf(DEFAULT_PORT))))
            .dataDir(
                Path.of(
                    values.getOrDefault(
                        "data-dir",
                        Path.of(System.getProperty("user.home"), ".schemagate").toString())));
    if (values.containsKey("db-url")) {
      builder.database(
          new DatabaseConfig(
              values.get("db-url"), values.get("db-user"), values.get("db-password")));
    }
    if (values.containsKey("redis-url")) {
      builder.redisUrl(parseRedisUrl(values.get("redis-url")));
    }
    builder.security(security(values));
    if (values.containsKey("max-request-bytes")) {
      builder.maxRequestBytes(parseLong("max-request-bytes", values.get("max-request-bytes")));
    }
    if (values.containsKey("severity-policy")) {
      builder.severityPolicy(Path.of(values.get("severity-policy")));
    }
    return builder.build();
  }

  private static SecurityConfig security(Map<String, String> values) {
    try {
      return new SecurityConfig(
          Optional.ofNullable(values.get("auth-file")).map(Path::of),
          Optional.ofNullable(values.get("auth-jwks-url")).map(RegistryConfig::parseHttpUrl),
          Optional.ofNullable(values.get("auth-jwt-issuer")),
          Optional.ofNullable(values.get("auth-jwt-audience")),
          Optional.ofNullable(values.get("tls-cert")).map(Path::of),
          Optional.ofNullable(values.get("tls-key")).map(Path::of));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(e.getMessage());
    }
  }

  private static URI parseHttpUrl(String text) {
    try {
      URI uri = new URI(text.trim());
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new InvalidConfigException(
            "auth-jwks-url must look like https://issuer/.well-known/jwks.json, got '"
                + text
                + "'");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new InvalidConfigException("auth-jwks-url is not a URI: " + e.getMessage());
    }
  }

  private static int parsePort(String text) {
    long port = parseLong("port", text);
    if (port < 0 || port > 65535) {
      throw new InvalidConfigException(
          "port (SCHEMAGATE_PORT / --port) must be between 0 and 65535, got " + text);
    }
    return (int) port;
  }

  private static long parseLong(String name, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(
          "%s (SCHEMAGATE_%s / --%s) must be a number, got '%s'"
              .formatted(name, name.toUpperCase().replace('-', '_'), name, text));
    }
  }

  static URI parseRedisUrl(String text) {
    try {
      URI uri = new URI(text.trim());
      if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new InvalidConfigException(
            "redis url (SCHEMAGATE_REDIS_URL / --redis-url) must look like redis://host:6379, got '"
                + text
                + "'");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new InvalidConfigException("redis url is not a URI: " + e.getMessage());
    }
  }

  /** A configuration value that cannot be used; the message says which and why. */
  public static final class InvalidConfigException extends IllegalArgumentException {
    public InvalidConfigException(String message) {
      super(message);
    }
  }

  /** Fluent construction for tests and embedding. */
  public static final class Builder {
    static final List<String> FLAGS =
        List.of(
            "host",
            "port",
            "db-url",
            "db-user",
            "db-password",
            "redis-url",
            "data-dir",
            "max-request-bytes",
            "auth-file",
            "auth-jwks-url",
            "auth-jwt-issuer",
            "auth-jwt-audience",
            "tls-cert",
            "tls-key",
            "severity-policy");

    private String host = "0.0.0.0";
    private int port = DEFAULT_PORT;
    private Optional<DatabaseConfig> database = Optional.empty();
    private Optional<URI> redisUrl = Optional.empty();
    private Path dataDir = Path.of(System.getProperty("user.home"), ".schemagate");
    private boolean ephemeralDataDir;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private SecurityConfig security = SecurityConfig.NONE;
    private Optional<Path> severityPolicy = Optional.empty();

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder database(DatabaseConfig database) {
      this.database = Optional.of(database);
      return this;
    }

    public Builder database(String url, String user, String password) {
      return database(new DatabaseConfig(url, user, password));
    }

    public Builder redisUrl(URI redisUrl) {
      this.redisUrl = Optional.of(redisUrl);
      return this;
    }

    public Builder redisUrl(String redisUrl) {
      return redisUrl(parseRedisUrl(redisUrl));
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder ephemeralDataDir(boolean ephemeral) {
      this.ephemeralDataDir = ephemeral;
      return this;
    }

    public Builder maxRequestBytes(long maxRequestBytes) {
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    public Builder security(SecurityConfig security) {
      this.security = security;
      return this;
    }

    /** A lineage severity policy file (YAML or JSON) instead of the built-in policy. */
    public Builder severityPolicy(Path file) {
      this.severityPolicy = Optional.of(file);
      return this;
    }

    public RegistryConfig build() {
      return new RegistryConfig(
          host,
          port,
          database,
          redisUrl,
          dataDir,
          ephemeralDataDir,
          maxRequestBytes,
          security,
          severityPolicy);
    }

    /** Builds and starts: {@code RegistryConfig.forTests().start()}. */
    public RunningRegistry start() {
      return RegistryServer.start(build());
    }
  }
}
