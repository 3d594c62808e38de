package dev.schemagate.sdk.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.sdk.RegistryAccess;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.SerdeException.Reason;
import dev.schemagate.sdk.WireFormat;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format JSON records into a {@link JsonNode}, or into the class named by
 * {@code json.value.type} / {@code json.key.type}. The record is validated against the writer's
 * schema (turn off with {@code schemagate.validate=false}); a record that breaks it is a {@link
 * SerdeException} with reason INVALID_RECORD, which the dead-letter consumer routes to the DLQ.
 */
public class JsonSchemaDeserializer<T> implements Deserializer<T> {
  private final ObjectMapper mapper = new ObjectMapper();
  private final ConcurrentMap<Integer, JsonContract> contracts = new ConcurrentHashMap<>();
  private SdkConfig config;
  private RegistryAccess registry;
  private Optional<Class<?>> type = Optional.empty();

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = SdkConfig.from(configs, isKey);
    this.registry = new RegistryAccess(config);
    this.type = config.jsonType();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = WireFormat.schemaId(data);
    JsonContract contract = contracts.get(id);
    if (contract == null) {
      SchemaSubmission submission = registry.byId(id);
      if (submission.format() != SchemaFormat.JSON) {
        throw new SerdeException(
            Reason.UNSUPPORTED_TYPE,
            "schema id %d is a %s schema, not JSON Schema".formatted(id, submission.format()),
            null,
            id,
            null);
      }
      contract = JsonContract.parse(mapper, submission.schema(), id);
      contracts.putIfAbsent(id, contract);
    }
    JsonNode node;
    try {
      node = mapper.readTree(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE);
    } catch (IOException e) {
      throw new SerdeException(
          Reason.MALFORMED,
          "payload of record on topic '%s' is not JSON: %s".formatted(topic, e.getMessage()),
          null,
          id,
          e);
    }
    if (node == null || node.isMissingNode()) {
      throw new SerdeException(
          Reason.MALFORMED,
          "payload of record on topic '%s' is empty".formatted(topic),
          null,
          id,
          null);
    }
    if (config.validate()) {
      var violations = contract.violations(node);
      if (!violations.isEmpty()) {
        throw JsonContract.refusal("record on topic '%s'".formatted(topic), id, violations);
      }
    }
    if (type.isEmpty() || type.get() == JsonNode.class) {
      return (T) node;
    }
    try {
      return (T) mapper.treeToValue(node, type.get());
    } catch (IOException e) {
      throw new SerdeException(
          Reason.INVALID_RECORD,
          "record on topic '%s' does not map to %s: %s"
              .formatted(topic, type.get().getName(), e.getMessage()),
          null,
          id,
          e);
    }
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
