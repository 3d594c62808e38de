package dev.schemagate.sdk.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.sdk.InMemoryRegistryClient;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SdkMetrics;
import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.SerdeException.Reason;
import dev.schemagate.sdk.fixtures.Customer;
import dev.schemagate.sdk.fixtures.Order;
import dev.schemagate.sdk.fixtures.OrderStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {
  private final InMemoryRegistryClient registry = new InMemoryRegistryClient();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  static Order order() {
    return Order.newBuilder()
        .setId("o-1")
        .setAmount(12.5)
        .setQuantity(2)
        .setStatus(OrderStatus.NEW)
        .setCustomer(Customer.newBuilder().setEmail("a@example.com").setPhone(null).build())
        .setTags(List.of("gift"))
        .setCreatedAt(1_700_000_000_000L)
        .setNote(null)
        .build();
  }

  static GenericRecord generic(Order order) {
    return (GenericRecord) GenericData.get().deepCopy(Order.getClassSchema(), order);
  }

  private <T> AvroSerializer<T> serializer(Map<String, Object> extra) {
    var config = new HashMap<String, Object>(extra);
    config.put(SdkConfig.REGISTRY_CLIENT, registry);
    config.put(SdkConfig.METER_REGISTRY, meters);
    var serializer = new AvroSerializer<T>();
    serializer.configure(config, false);
    return serializer;
  }

  private <T> AvroDeserializer<T> deserializer(Map<String, Object> extra) {
    var config = new HashMap<String, Object>(extra);
    config.put(SdkConfig.REGISTRY_CLIENT, registry);
    var deserializer = new AvroDeserializer<T>();
    deserializer.configure(config, false);
    return deserializer;
  }

  private void registerOrder(String subject) {
    registry.registerWithId(
        subject, SchemaSubmission.of(SchemaFormat.AVRO, Order.getClassSchema().toString()), 5);
  }

  @Test
  void shouldRoundTripASpecificRecordIntoTheGeneratedClass() {
    registerOrder("orders-value");
    byte[] bytes = this.<Order>serializer(Map.of()).serialize("orders", order());

    Order read =
        this.<Order>deserializer(Map.of(SdkConfig.SPECIFIC_AVRO_READER, true))
            .deserialize("orders", bytes);

    assertThat(read).isEqualTo(order());
  }

  @Test
  void shouldRoundTripAGenericRecord() {
    registerOrder("orders-value");
    byte[] bytes = this.<GenericRecord>serializer(Map.of()).serialize("orders", generic(order()));

    GenericRecord read = this.<GenericRecord>deserializer(Map.of()).deserialize("orders", bytes);

    assertThat(read).isEqualTo(generic(order()));
    assertThat(meters.counter(SdkMetrics.VALIDATED, "topic", "orders").count()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAnUnregisteredSchemaWhenAutoRegistrationIsOff() {
    assertThatThrownBy(() -> serializer(Map.of()).serialize("orders", order()))
        .isInstanceOfSatisfying(
            SerdeException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_REGISTERED);
              assertThat(e.getMessage())
                  .contains("'orders-value'")
                  .contains("auto.register.schemas");
            });
  }

  @Test
  void shouldRegisterUnderTheSubjectOfEachStrategyWhenAutoRegistering() throws Exception {
    for (String strategy : List.of("topic", "record", "topic-record")) {
      serializer(
              Map.of(
                  SdkConfig.AUTO_REGISTER, true, SdkConfig.VALUE_SUBJECT_NAME_STRATEGY, strategy))
          .serialize("orders", order());
    }
    assertThat(registry.subjects())
        .containsExactlyInAnyOrder(
            "orders-value",
            "dev.schemagate.sdk.fixtures.Order",
            "orders-dev.schemagate.sdk.fixtures.Order");
  }

  @Test
  void shouldAskTheRegistryOncePerSchemaNotPerRecord() {
    registerOrder("orders-value");
    var serializer = this.<Order>serializer(Map.of());
    int before = registry.calls.get();
    for (int i = 0; i < 100; i++) {
      serializer.serialize("orders", order());
    }
    assertThat(registry.calls.get() - before).isEqualTo(1);
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        Arguments.of(
            "wrong primitive type",
            (Consumer<GenericRecord>) r -> r.put("amount", "12.5"),
            "/amount",
            "type",
            "expected double, got String \"12.5\""),
        Arguments.of(
            "long where int",
            (Consumer<GenericRecord>) r -> r.put("quantity", 2L),
            "/quantity",
            "type",
            "expected int, got Long"),
        Arguments.of(
            "null in a required nested field",
            (Consumer<GenericRecord>) r -> ((GenericRecord) r.get("customer")).put("email", null),
            "/customer/email",
            "required",
            "null is not allowed"),
        Arguments.of(
            "unknown enum symbol",
            (Consumer<GenericRecord>)
                r ->
                    r.put(
                        "status",
                        new GenericData.EnumSymbol(
                            Order.getClassSchema().getField("status").schema(), "LOST")),
            "/status",
            "enum",
            "\"LOST\" is not a symbol of enum OrderStatus"),
        Arguments.of(
            "bad array element",
            (Consumer<GenericRecord>) r -> r.put("tags", List.of("ok", 3)),
            "/tags/1",
            "type",
            "expected string, got Integer"),
        Arguments.of(
            "value matching no union branch",
            (Consumer<GenericRecord>) r -> r.put("note", 42),
            "/note",
            "union",
            "matches no branch of the union [null, string]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void shouldRefuseAnInvalidRecordNamingThePathAndTheRule(
      String name, Consumer<GenericRecord> breakIt, String path, String rule, String message) {
    registerOrder("orders-value");
    GenericRecord record = generic(order());
    breakIt.accept(record);

    assertThatThrownBy(() -> serializer(Map.of()).serialize("orders", record))
        .isInstanceOfSatisfying(
            SerdeException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID_RECORD);
              assertThat(e.violation())
                  .hasValueSatisfying(
                      v -> {
                        assertThat(v.path()).isEqualTo(path);
                        assertThat(v.rule()).isEqualTo(rule);
                        assertThat(v.message()).contains(message);
                      });
              assertThat(e.getMessage()).contains(path).contains("Order").contains("id 5");
            });
    assertThat(
            meters
                .counter(SdkMetrics.REFUSED, "topic", "orders", "reason", "INVALID_RECORD")
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseAValueThatIsNotAnAvroRecord() {
    assertThatThrownBy(() -> this.<Object>serializer(Map.of()).serialize("orders", "a string"))
        .isInstanceOfSatisfying(
            SerdeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("too short", new byte[] {0, 0, 0}, Reason.MALFORMED, "too short"),
        Arguments.of(
            "wrong magic byte", new byte[] {1, 0, 0, 0, 5, 2}, Reason.MALFORMED, "magic byte 0x01"),
        Arguments.of(
            "unknown schema id",
            new byte[] {0, 0, 0, 3, (byte) 0xe7, 2},
            Reason.UNKNOWN_SCHEMA_ID,
            "schema id 999 is unknown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void shouldExplainBytesItCannotRead(String name, byte[] bytes, Reason reason, String message) {
    registerOrder("orders-value");
    assertThatThrownBy(() -> deserializer(Map.of()).deserialize("orders", bytes))
        .isInstanceOfSatisfying(
            SerdeException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).contains(message);
            });
  }

  @Test
  void shouldExplainATruncatedAndAPaddedPayload() {
    registerOrder("orders-value");
    byte[] bytes = this.<Order>serializer(Map.of()).serialize("orders", order());
    var deserializer = this.<GenericRecord>deserializer(Map.of());

    assertThatThrownBy(
            () -> deserializer.deserialize("orders", Arrays.copyOf(bytes, bytes.length - 4)))
        .isInstanceOfSatisfying(
            SerdeException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
              assertThat(e.getMessage()).contains("does not decode with schema id 5");
            });
    assertThatThrownBy(
            () -> deserializer.deserialize("orders", Arrays.copyOf(bytes, bytes.length + 3)))
        .isInstanceOfSatisfying(
            SerdeException.class, e -> assertThat(e.getMessage()).contains("left over"));
  }

  @Test
  void shouldKeepSerializingCachedSchemasWhileTheRegistryIsDownAndRefuseNewOnes() {
    registerOrder("orders-value");
    var serializer = this.<Object>serializer(Map.of());
    serializer.serialize("orders", order());
    registry.down = true;

    assertThat(serializer.serialize("orders", order())).isNotEmpty();
    assertThatThrownBy(() -> serializer.serialize("other-topic", order()))
        .isInstanceOfSatisfying(
            SerdeException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
              assertThat(e.getMessage()).contains("subject 'other-topic-value' is not cached");
            });
  }

  @Test
  void shouldWriteWithTheLatestRegisteredVersionWhenAsked() {
    registerOrder("orders-value");
    var serializer = this.<GenericRecord>serializer(Map.of(SdkConfig.USE_LATEST_VERSION, true));

    byte[] bytes = serializer.serialize("orders", generic(order()));

    assertThat(bytes[4]).isEqualTo((byte) 5);
  }
}
