package dev.schemagate.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.sdk.avro.AvroDeserializer;
import dev.schemagate.sdk.avro.AvroSerializer;
import dev.schemagate.sdk.json.JsonSchemaDeserializer;
import dev.schemagate.sdk.json.JsonSchemaSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Interop with Confluent's wire format, proven on bytes built by hand from the specification
 * (https://docs.confluent.io/platform/current/schema-registry/fundamentals/serdes-develop/index.html#wire-format):
 * byte 0 is the magic byte 0, bytes 1-4 the schema id big-endian, then the Avro binary encoding (or
 * the JSON text).
 */
class WireFormatInteropTest {
  private static final String USER =
      "{\"type\":\"record\",\"name\":\"User\",\"fields\":"
          + "[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}]}";

  /**
   * User{name="Ann", age=30} under schema id 0x0102032A (16909098, so every id byte differs): magic
   * 00 | id 01 02 03 2A | "Ann" = zigzag length 3 -> 06, 41 6E 6E | 30 -> zigzag 60 -> 3C.
   */
  private static final byte[] AVRO_VECTOR = {
    0x00, 0x01, 0x02, 0x03, 0x2A, 0x06, 0x41, 0x6E, 0x6E, 0x3C
  };

  private static final int ID = 0x0102032A;

  private final InMemoryRegistryClient registry = new InMemoryRegistryClient();
  private final Map<String, Object> config = Map.of(SdkConfig.REGISTRY_CLIENT, registry);

  @Test
  void shouldDecodeAHandBuiltConfluentAvroRecord() {
    registry.registerWithId("users-value", SchemaSubmission.of(SchemaFormat.AVRO, USER), ID);
    try (var deserializer = new AvroDeserializer<GenericRecord>()) {
      deserializer.configure(config, false);

      GenericRecord user = deserializer.deserialize("users", AVRO_VECTOR);

      assertThat(user.get("name").toString()).isEqualTo("Ann");
      assertThat(user.get("age")).isEqualTo(30);
    }
  }

  @Test
  void shouldEncodeExactlyTheBytesTheSpecificationPrescribes() {
    registry.registerWithId("users-value", SchemaSubmission.of(SchemaFormat.AVRO, USER), ID);
    var user = new GenericData.Record(new Schema.Parser().parse(USER));
    user.put("name", "Ann");
    user.put("age", 30);
    try (var serializer = new AvroSerializer<GenericRecord>()) {
      serializer.configure(config, false);

      assertThat(serializer.serialize("users", user)).isEqualTo(AVRO_VECTOR);
    }
  }

  @Test
  void shouldProduceBytesThatAHandWrittenConfluentDecoderReads() {
    registry.registerWithId("users-value", SchemaSubmission.of(SchemaFormat.AVRO, USER), ID);
    var user = new GenericData.Record(new Schema.Parser().parse(USER));
    user.put("name", "Bob");
    user.put("age", -1);
    byte[] bytes;
    try (var serializer = new AvroSerializer<GenericRecord>()) {
      serializer.configure(config, false);
      bytes = serializer.serialize("users", user);
    }

    // A decoder written from the specification alone: header, then Avro zigzag varints.
    var in = java.nio.ByteBuffer.wrap(bytes);
    assertThat(in.get()).as("magic byte").isZero();
    assertThat(in.getInt()).as("big-endian schema id").isEqualTo(ID);
    int length = zigzag(in);
    byte[] name = new byte[length];
    in.get(name);
    assertThat(new String(name, StandardCharsets.UTF_8)).isEqualTo("Bob");
    assertThat(zigzag(in)).isEqualTo(-1);
    assertThat(in.hasRemaining()).isFalse();
  }

  private static int zigzag(java.nio.ByteBuffer in) {
    int raw = 0;
    int shift = 0;
    byte b;
    do {
      b = in.get();
      raw |= (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return (raw >>> 1) ^ -(raw & 1);
  }

  @Test
  void shouldSpeakTheSameFramingForJsonSchema() {
    String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}";
    registry.registerWithId("users-value", SchemaSubmission.of(SchemaFormat.JSON, schema), 7);
    byte[] json = "{\"name\":\"Ann\"}".getBytes(StandardCharsets.UTF_8);
    byte[] vector = new byte[5 + json.length];
    vector[4] = 7;
    System.arraycopy(json, 0, vector, 5, json.length);

    try (var serializer = new JsonSchemaSerializer<JsonNode>();
        var deserializer = new JsonSchemaDeserializer<JsonNode>()) {
      serializer.configure(
          Map.of(SdkConfig.REGISTRY_CLIENT, registry, SdkConfig.JSON_SCHEMA, schema), false);
      deserializer.configure(config, false);

      JsonNode decoded = deserializer.deserialize("users", vector);
      assertThat(decoded.get("name").asText()).isEqualTo("Ann");
      assertThat(serializer.serialize("users", decoded)).isEqualTo(vector);
    }
  }
}
