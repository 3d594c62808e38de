package dev.schemagate.sdk;

import dev.schemagate.registry.client.RegistryCredentials;
import dev.schemagate.registry.client.SchemaRegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serializers' and deserializers' configuration, read the Kafka way from the client's property
 * map. Keys shared with Confluent's serializers keep Confluent's names, so existing configs work.
 */
public record SdkConfig(
    Optional<String> registryUrl,
    Optional<SchemaRegistryClient> sharedClient,
    boolean autoRegister,
    boolean useLatestVersion,
    SubjectNameStrategy subjectNameStrategy,
    boolean validate,
    boolean specificAvroReader,
    Optional<String> jsonSchema,
    Optional<Class<?>> jsonType,
    Duration registryMaxBlock,
    Duration registryRequestTimeout,
    Duration latestTtl,
    RegistryCredentials registryCredentials,
    MeterRegistry meterRegistry) {

  public static final String REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String JSON_KEY_TYPE = "json.key.type";
  public static final String JSON_VALUE_TYPE = "json.value.type";

  /** Validate records against their schema (producer: before sending; consumer: after reading). */
  public static final String VALIDATE = "schemagate.validate";

  /** JSON Schema text the JSON serializer writes with (else use.latest.version must be on). */
  public static final String JSON_SCHEMA = "schemagate.json.schema";

  public static final String REGISTRY_MAX_BLOCK_MS = "schemagate.registry.max.block.ms";
  public static final String REGISTRY_REQUEST_TIMEOUT_MS = "schemagate.registry.request.timeout.ms";
  public static final String LATEST_TTL_MS = "schemagate.registry.latest.ttl.ms";

  /** A {@link SchemaRegistryClient} instance to share between serdes (not closed by them). */
  public static final String REGISTRY_CLIENT = "schemagate.registry.client";

  /** A Micrometer {@link MeterRegistry} instance; default: Micrometer's global registry. */
  public static final String METER_REGISTRY = "schemagate.metrics.registry";

  public static SdkConfig from(Map<String, ?> props, boolean isKey) {
    var registryUrl = string(props, REGISTRY_URL);
    var client = instance(props, REGISTRY_CLIENT, SchemaRegistryClient.class);
    if (registryUrl.isEmpty() && client.isEmpty()) {
      throw new ConfigException(REGISTRY_URL, null, "the schema registry URL is required");
    }
    String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
    SubjectNameStrategy strategy =
        string(props, strategyKey)
            .map(
                text ->
                    SubjectNameStrategy.parse(text)
                        .orElseThrow(
                            () ->
                                new ConfigException(
                                    strategyKey, text, "expected topic, record or topic-record")))
            .orElse(SubjectNameStrategy.TOPIC);
    Optional<Class<?>> jsonType =
        string(props, isKey ? JSON_KEY_TYPE : JSON_VALUE_TYPE).map(SdkConfig::loadClass);
    return new SdkConfig(
        registryUrl,
        client,
        bool(props, AUTO_REGISTER, false),
        bool(props, USE_LATEST_VERSION, false),
        strategy,
        bool(props, VALIDATE, true),
        bool(props, SPECIFIC_AVRO_READER, false),
        string(props, JSON_SCHEMA),
        jsonType,
        millis(props, REGISTRY_MAX_BLOCK_MS, 5_000),
        millis(props, REGISTRY_REQUEST_TIMEOUT_MS, 2_000),
        millis(props, LATEST_TTL_MS, 5_000),
        credentials(props),
        instance(props, METER_REGISTRY, MeterRegistry.class).orElse(Metrics.globalRegistry));
  }

  /** The client to use: the shared one, or a new one the caller owns and must close. */
  public SchemaRegistryClient client() {
    if (sharedClient.isPresent()) {
      return sharedClient.get();
    }
    var builder =
        SchemaRegistryClient.builder(registryUrl.orElseThrow())
            .maxBlock(registryMaxBlock)
            .requestTimeout(
                registryRequestTimeout.compareTo(registryMaxBlock) < 0
                    ? registryRequestTimeout
                    : registryMaxBlock)
            .latestTtl(latestTtl);
    builder.credentials(registryCredentials);
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(REGISTRY_URL, registryUrl.orElse(""), e.getMessage());
    }
  }

  /**
   * Confluent's keys: {@code basic.auth.credentials.source=USER_INFO} (the default when {@code
   * basic.auth.user.info} is set) with {@code basic.auth.user.info=user:password}, or {@code
   * bearer.auth.credentials.source=STATIC_TOKEN} (the default) with {@code bearer.auth.token}.
   */
  private static RegistryCredentials credentials(Map<String, ?> props) {
    Optional<String> userInfo = string(props, BASIC_AUTH_USER_INFO);
    Optional<String> token = string(props, BEARER_AUTH_TOKEN);
    String basicSource = string(props, BASIC_AUTH_CREDENTIALS_SOURCE).orElse("USER_INFO");
    String bearerSource = string(props, BEARER_AUTH_CREDENTIALS_SOURCE).orElse("STATIC_TOKEN");
    if (userInfo.isPresent() && token.isPresent()) {
      throw new ConfigException(
          BEARER_AUTH_TOKEN, "***", "give basic.auth.user.info or bearer.auth.token, not both");
    }
    if (userInfo.isPresent()) {
      if (!basicSource.equals("USER_INFO")) {
        throw new ConfigException(
            BASIC_AUTH_CREDENTIALS_SOURCE, basicSource, "only USER_INFO is supported");
      }
      String info = userInfo.get();
      int colon = info.indexOf(':');
      if (colon < 0) {
        throw new ConfigException(BASIC_AUTH_USER_INFO, "***", "expected user:password");
      }
      return RegistryCredentials.basic(info.substring(0, colon), info.substring(colon + 1));
    }
    if (token.isPresent()) {
      if (!bearerSource.equals("STATIC_TOKEN")) {
        throw new ConfigException(
            BEARER_AUTH_CREDENTIALS_SOURCE, bearerSource, "only STATIC_TOKEN is supported");
      }
      return RegistryCredentials.bearerToken(token.get());
    }
    return RegistryCredentials.none();
  }

  public boolean ownsClient() {
    return sharedClient.isEmpty();
  }

  private static Optional<String> string(Map<String, ?> props, String key) {
    Object value = props.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Class<?> type) {
      return Optional.of(type.getName());
    }
    if (value instanceof java.util.List<?> list) {
      return Optional.of(String.join(",", list.stream().map(String::valueOf).toList()));
    }
    String text = value.toString().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static boolean bool(Map<String, ?> props, String key, boolean fallback) {
    return string(props, key)
        .map(
            text ->
                switch (text.toLowerCase(java.util.Locale.ROOT)) {
                  case "true" -> true;
                  case "false" -> false;
                  default -> throw new ConfigException(key, text, "expected true or false");
                })
        .orElse(fallback);
  }

  private static Duration millis(Map<String, ?> props, String key, long fallback) {
    return string(props, key)
        .map(
            text -> {
              try {
                long value = Long.parseLong(text);
                if (value <= 0) {
                  throw new ConfigException(
                      key, text, "expected a positive number of milliseconds");
                }
                return Duration.ofMillis(value);
              } catch (NumberFormatException e) {
                throw new ConfigException(key, text, "expected a number of milliseconds");
              }
            })
        .orElse(Duration.ofMillis(fallback));
  }

  private static <T> Optional<T> instance(Map<String, ?> props, String key, Class<T> type) {
    Object value = props.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new ConfigException(key, value.getClass().getName(), "expected a " + type.getName());
    }
    return Optional.of(type.cast(value));
  }

  private static Class<?> loadClass(String name) {
    try {
      return Class.forName(name, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigException(JSON_VALUE_TYPE, name, "class not found");
    }
  }
}
