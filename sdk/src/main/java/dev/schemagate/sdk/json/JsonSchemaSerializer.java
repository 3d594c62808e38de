package dev.schemagate.sdk.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.sdk.OutputBuffer;
import dev.schemagate.sdk.RegistryAccess;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SdkMetrics;
import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.SerdeException.Reason;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes Jackson {@link JsonNode}s or POJOs (via Jackson) as JSON in the Confluent wire format,
 * after validating each against the JSON Schema: the one given in {@code schemagate.json.schema}
 * (registered or looked up under the subject), or the subject's latest version with {@code
 * use.latest.version=true}. The subject's record name is the schema's {@code title}.
 */
public class JsonSchemaSerializer<T> implements Serializer<T> {
  private record Target(int id, JsonContract contract) {}

  private final ObjectMapper mapper = new ObjectMapper();
  private final ConcurrentMap<String, Target> targetsByTopic = new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, JsonContract> contractsById = new ConcurrentHashMap<>();
  private SdkConfig config;
  private RegistryAccess registry;
  private SdkMetrics metrics;
  private boolean isKey;
  private JsonContract configured;

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = SdkConfig.from(configs, isKey);
    this.isKey = isKey;
    if (config.jsonSchema().isEmpty() && !config.useLatestVersion()) {
      throw new ConfigException(
          "the JSON Schema serializer needs %s (the schema text) or %s=true"
              .formatted(SdkConfig.JSON_SCHEMA, SdkConfig.USE_LATEST_VERSION));
    }
    if (config.jsonSchema().isPresent() && !config.useLatestVersion()) {
      try {
        configured = JsonContract.parse(mapper, config.jsonSchema().get(), null);
      } catch (SerdeException e) {
        throw new ConfigException(SdkConfig.JSON_SCHEMA, "(schema text)", e.getMessage());
      }
    }
    this.registry = new RegistryAccess(config);
    this.metrics = new SdkMetrics(config.meterRegistry());
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      Target target = target(topic);
      JsonNode node = data instanceof JsonNode json ? json : mapper.valueToTree(data);
      if (config.validate()) {
        var violations = target.contract().violations(node);
        if (!violations.isEmpty()) {
          throw JsonContract.refusal(
              "record for topic '%s'".formatted(topic), target.id(), violations);
        }
        metrics.validated(topic);
      }
      OutputBuffer out = OutputBuffer.forRecord(target.id());
      mapper.writeValue(out, node);
      return out.toByteArray();
    } catch (SerdeException e) {
      metrics.refused(topic, e.reason());
      throw e;
    } catch (IllegalArgumentException | IOException e) {
      var refusal =
          new SerdeException(
              Reason.UNSUPPORTED_TYPE,
              "cannot write a %s as JSON: %s".formatted(data.getClass().getName(), e.getMessage()),
              e);
      metrics.refused(topic, refusal.reason());
      throw refusal;
    }
  }

  private Target target(String topic) {
    if (config.useLatestVersion()) {
      String subject = config.subjectNameStrategy().subject(topic, isKey, null);
      if (config.subjectNameStrategy().needsRecordName()) {
        throw new SerdeException(
            Reason.UNSUPPORTED_TYPE,
            "use.latest.version needs the topic subject strategy for JSON (the record name comes"
                + " from the schema, which is what it would look up)");
      }
      RegisteredSchema latest = registry.latest(subject);
      if (latest.format() != SchemaFormat.JSON) {
        throw new SerdeException(
            Reason.REGISTRY_REFUSED,
            "the latest version of subject '%s' is a %s schema, not JSON Schema"
                .formatted(subject, latest.format()));
      }
      JsonContract contract =
          contractsById.computeIfAbsent(
              latest.id(), id -> JsonContract.parse(mapper, latest.schema(), id));
      return new Target(latest.id(), contract);
    }
    Target target = targetsByTopic.get(topic);
    if (target == null) {
      String subject =
          config.subjectNameStrategy().subject(topic, isKey, configured.title().orElse(null));
      int id =
          registry.idFor(
              subject, SchemaSubmission.of(SchemaFormat.JSON, config.jsonSchema().orElseThrow()));
      target = new Target(id, configured);
      targetsByTopic.putIfAbsent(topic, target);
    }
    return target;
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
