package dev.schemagate.sdk.avro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.sdk.fixtures.Order;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The compiled fast check says exactly what Avro's own GenericData.validate says. */
class CompiledAvroCheckTest {
  private static final Schema ORDER = Order.getClassSchema();

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of("valid", (Consumer<GenericRecord>) r -> {}),
        Arguments.of("string for double", (Consumer<GenericRecord>) r -> r.put("amount", "1")),
        Arguments.of("long for int", (Consumer<GenericRecord>) r -> r.put("quantity", 1L)),
        Arguments.of(
            "null nested",
            (Consumer<GenericRecord>) r -> ((GenericRecord) r.get("customer")).put("email", null)),
        Arguments.of(
            "bad enum",
            (Consumer<GenericRecord>)
                r ->
                    r.put(
                        "status",
                        new GenericData.EnumSymbol(ORDER.getField("status").schema(), "LOST"))),
        Arguments.of("enum as string", (Consumer<GenericRecord>) r -> r.put("status", "NEW")),
        Arguments.of("bad element", (Consumer<GenericRecord>) r -> r.put("tags", List.of("a", 1))),
        Arguments.of("not a list", (Consumer<GenericRecord>) r -> r.put("tags", "a")),
        Arguments.of("union branch string", (Consumer<GenericRecord>) r -> r.put("note", "n")),
        Arguments.of("union no branch", (Consumer<GenericRecord>) r -> r.put("note", 3)),
        Arguments.of(
            "record replaced by string", (Consumer<GenericRecord>) r -> r.put("customer", "c")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void shouldAgreeWithAvrosOwnValidate(String name, Consumer<GenericRecord> change) {
    GenericRecord record = AvroSerdeTest.generic(AvroSerdeTest.order());
    change.accept(record);

    assertThat(CompiledAvroCheck.compile(ORDER, GenericData.get()).accepts(record))
        .isEqualTo(GenericData.get().validate(ORDER, record));
  }

  @Test
  void shouldAcceptGeneratedSpecificRecords() {
    var model = SpecificData.getForClass(Order.class);
    assertThat(CompiledAvroCheck.compile(ORDER, model).accepts(AvroSerdeTest.order())).isTrue();
  }

  @Test
  void shouldHandleMapsFixedBytesAndRecursiveTypes() {
    Schema node =
        SchemaBuilder.record("Node")
            .fields()
            .name("attrs")
            .type()
            .map()
            .values()
            .intType()
            .noDefault()
            .name("hash")
            .type()
            .fixed("Hash")
            .size(2)
            .noDefault()
            .name("blob")
            .type()
            .bytesType()
            .noDefault()
            .name("next")
            .type()
            .optional()
            .type("Node")
            .endRecord();
    var check = CompiledAvroCheck.compile(node, GenericData.get());
    GenericRecord leaf = new GenericData.Record(node);
    leaf.put("attrs", Map.of("a", 1));
    leaf.put("hash", new GenericData.Fixed(node.getField("hash").schema(), new byte[2]));
    leaf.put("blob", ByteBuffer.allocate(1));
    GenericRecord root = new GenericData.Record(node);
    root.put("attrs", Map.of());
    root.put("hash", new GenericData.Fixed(node.getField("hash").schema(), new byte[2]));
    root.put("blob", ByteBuffer.allocate(0));
    root.put("next", leaf);

    assertThat(check.accepts(root)).isTrue();
    leaf.put("hash", new GenericData.Fixed(node.getField("hash").schema(), new byte[3]));
    assertThat(check.accepts(root)).isFalse().isEqualTo(GenericData.get().validate(node, root));
    leaf.put("hash", new GenericData.Fixed(node.getField("hash").schema(), new byte[2]));
    leaf.put("attrs", Map.of("a", "not an int"));
    assertThat(check.accepts(root)).isFalse().isEqualTo(GenericData.get().validate(node, root));
  }

  @Test
  void shouldAcceptValuesOfARegisteredLogicalTypeConversion() {
    Schema millis = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    var model = new GenericData();
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());

    var check = CompiledAvroCheck.compile(millis, model);

    assertThat(check.accepts(Instant.EPOCH)).isTrue();
    assertThat(check.accepts(0L)).isTrue();
    assertThat(check.accepts("1970")).isFalse();
  }
}
