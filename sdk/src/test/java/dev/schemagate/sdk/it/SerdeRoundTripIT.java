package dev.schemagate.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SubjectNameStrategy;
import dev.schemagate.sdk.WireFormat;
import dev.schemagate.sdk.avro.AvroDeserializer;
import dev.schemagate.sdk.avro.AvroSerializer;
import dev.schemagate.sdk.fixtures.Customer;
import dev.schemagate.sdk.fixtures.Order;
import dev.schemagate.sdk.fixtures.OrderStatus;
import dev.schemagate.sdk.json.JsonSchemaDeserializer;
import dev.schemagate.sdk.json.JsonSchemaSerializer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every format through a real broker and the real registry, under every subject strategy. */
@ExtendWith(SharedKafka.class)
class SerdeRoundTripIT {
  static final String EVENT_SCHEMA =
      """
      {"title":"UserEvent","type":"object","required":["userId","score"],
       "properties":{"userId":{"type":"string"},"score":{"type":"integer","minimum":0}}}""";

  public record UserEvent(String userId, int score) {}

  private static RunningRegistry registry;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void startRegistry() throws Exception {
    registry = RegistryConfig.forTests().start();
    client = SchemaRegistryClient.builder(registry.url()).build();
  }

  @AfterAll
  static void stopRegistry() {
    client.close();
    registry.close();
  }

  enum Variant {
    AVRO_GENERIC,
    AVRO_SPECIFIC,
    JSON_NODE,
    JSON_POJO
  }

  static Stream<Arguments> cases() {
    return Stream.of(Variant.values())
        .flatMap(v -> Stream.of(SubjectNameStrategy.values()).map(s -> Arguments.of(v, s)));
  }

  @ParameterizedTest(name = "{0} with the {1} strategy")
  @MethodSource("cases")
  void shouldRoundTripThroughKafkaAndTheRegistry(Variant variant, SubjectNameStrategy strategy)
      throws Exception {
    String topic = SharedKafka.createTopic("roundtrip", 1);
    boolean avro = variant == Variant.AVRO_GENERIC || variant == Variant.AVRO_SPECIFIC;
    String recordName = avro ? Order.getClassSchema().getFullName() : "UserEvent";
    String subject = strategy.subject(topic, false, recordName);
    // Auto-registration is off by default: the schema is registered first, as a DataSchema would.
    int id =
        client.register(
            subject,
            avro
                ? SchemaSubmission.of(SchemaFormat.AVRO, Order.getClassSchema().toString())
                : SchemaSubmission.of(SchemaFormat.JSON, EVENT_SCHEMA),
            false);
    Map<String, Object> config = new HashMap<>();
    config.put(SdkConfig.REGISTRY_URL, registry.url());
    config.put(
        SdkConfig.VALUE_SUBJECT_NAME_STRATEGY, strategy.name().toLowerCase().replace('_', '-'));
    config.put(SdkConfig.JSON_SCHEMA, EVENT_SCHEMA);
    config.put(SdkConfig.SPECIFIC_AVRO_READER, variant == Variant.AVRO_SPECIFIC);
    if (variant == Variant.JSON_POJO) {
      config.put(SdkConfig.JSON_VALUE_TYPE, UserEvent.class.getName());
    }
    List<Object> sent = IntStream.range(0, 3).mapToObj(i -> value(variant, i)).toList();

    try (Serializer<Object> serializer = serializer(avro);
        var producer = Clients.producer(new StringSerializer(), serializer)) {
      serializer.configure(config, false);
      for (int i = 0; i < sent.size(); i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, sent.get(i))).get();
      }
    }
    Deserializer<Object> deserializer = deserializer(avro);
    deserializer.configure(config, false);
    List<ConsumerRecord<String, Object>> received =
        Clients.readAll(topic, 3, new StringDeserializer(), deserializer, true);
    deserializer.close();

    assertThat(received).extracting(ConsumerRecord::value).containsExactlyElementsOf(sent);
    assertThat(Clients.readRaw(topic, 3))
        .allSatisfy(r -> assertThat(WireFormat.schemaId(r.value())).isEqualTo(id));
  }

  private static Object value(Variant variant, int i) {
    Order order =
        Order.newBuilder()
            .setId("o-" + i)
            .setAmount(10.0 + i)
            .setQuantity(i)
            .setStatus(OrderStatus.PAID)
            .setCustomer(Customer.newBuilder().setEmail("c" + i + "@example.com").build())
            .setTags(List.of("t" + i))
            .setCreatedAt(1_700_000_000_000L + i)
            .build();
    return switch (variant) {
      case AVRO_SPECIFIC -> order;
      case AVRO_GENERIC ->
          (GenericRecord) GenericData.get().deepCopy(Order.getClassSchema(), order);
      case JSON_POJO -> new UserEvent("u-" + i, i);
      case JSON_NODE -> new ObjectMapper().valueToTree(new UserEvent("u-" + i, i));
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Serializer<Object> serializer(boolean avro) {
    return avro ? (Serializer) new AvroSerializer<>() : (Serializer) new JsonSchemaSerializer<>();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Deserializer<Object> deserializer(boolean avro) {
    return avro
        ? (Deserializer) new AvroDeserializer<>()
        : (Deserializer) new JsonSchemaDeserializer<JsonNode>();
  }
}
