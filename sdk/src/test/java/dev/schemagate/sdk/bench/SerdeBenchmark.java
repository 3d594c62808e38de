package dev.schemagate.sdk.bench;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.sdk.InMemoryRegistryClient;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.avro.AvroDeserializer;
import dev.schemagate.sdk.avro.AvroSerializer;
import dev.schemagate.sdk.fixtures.Customer;
import dev.schemagate.sdk.fixtures.Order;
import dev.schemagate.sdk.fixtures.OrderStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our serializer (schema id cached, with and without validation) against bare Avro binary encoding
 * of the same GenericRecord with a reused writer and encoder — what a hand-tuned producer would do
 * without a registry. Same for reading. The registry is in memory and hit once, during setup: what
 * is measured is the per-record path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SerdeBenchmark {
  private static final String TOPIC = "orders";

  private GenericRecord record;
  private Schema schema;
  private AvroSerializer<GenericRecord> validating;
  private AvroSerializer<GenericRecord> notValidating;
  private AvroDeserializer<GenericRecord> deserializer;
  private byte[] framed;
  private byte[] bare;

  private GenericDatumWriter<GenericRecord> bareWriter;
  private BinaryEncoder bareEncoder;
  private BinaryEncoder bufferedEncoder;
  private final ByteArrayOutputStream bareOut = new ByteArrayOutputStream(256);
  private GenericDatumReader<GenericRecord> bareReader;
  private BinaryDecoder bareDecoder;

  @Setup
  public void setUp() throws IOException {
    schema = Order.getClassSchema();
    Order order =
        Order.newBuilder()
            .setId("order-000123456")
            .setAmount(1249.95)
            .setQuantity(3)
            .setStatus(OrderStatus.PAID)
            .setCustomer(
                Customer.newBuilder()
                    .setEmail("jane.doe@example.com")
                    .setPhone("+33 1 23 45")
                    .build())
            .setTags(List.of("gift", "express", "eu"))
            .setCreatedAt(1_764_000_000_000L)
            .setNote("leave at the door")
            .build();
    record = (GenericRecord) GenericData.get().deepCopy(schema, order);

    var registry = new InMemoryRegistryClient();
    registry.registerWithId(
        TOPIC + "-value", SchemaSubmission.of(SchemaFormat.AVRO, schema.toString()), 5);
    validating = new AvroSerializer<>();
    validating.configure(Map.of(SdkConfig.REGISTRY_CLIENT, registry), false);
    notValidating = new AvroSerializer<>();
    notValidating.configure(
        Map.of(SdkConfig.REGISTRY_CLIENT, registry, SdkConfig.VALIDATE, false), false);
    deserializer = new AvroDeserializer<>();
    deserializer.configure(Map.of(SdkConfig.REGISTRY_CLIENT, registry), false);

    bareWriter = new GenericDatumWriter<>(schema);
    bareReader = new GenericDatumReader<>(schema);
    framed = validating.serialize(TOPIC, record);
    bare = bareEncode();
  }

  @Benchmark
  public byte[] bareEncode() throws IOException {
    bareOut.reset();
    bareEncoder = EncoderFactory.get().directBinaryEncoder(bareOut, bareEncoder);
    bareWriter.write(record, bareEncoder);
    return bareOut.toByteArray();
  }

  /** The same with Avro's buffered encoder: the faster of the two bare variants here. */
  @Benchmark
  public byte[] bareEncodeBuffered() throws IOException {
    bareOut.reset();
    bufferedEncoder = EncoderFactory.get().binaryEncoder(bareOut, bufferedEncoder);
    bareWriter.write(record, bufferedEncoder);
    bufferedEncoder.flush();
    return bareOut.toByteArray();
  }

  @Benchmark
  public byte[] serializeValidated() {
    return validating.serialize(TOPIC, record);
  }

  @Benchmark
  public byte[] serializeUnvalidated() {
    return notValidating.serialize(TOPIC, record);
  }

  /** Avro's own validate alone: the cost validation adds to serializeUnvalidated. */
  @Benchmark
  public boolean avroValidate() {
    return GenericData.get().validate(schema, record);
  }

  @Benchmark
  public GenericRecord bareDecode() throws IOException {
    bareDecoder = DecoderFactory.get().binaryDecoder(bare, bareDecoder);
    return bareReader.read(null, bareDecoder);
  }

  @Benchmark
  public GenericRecord deserialize() {
    return deserializer.deserialize(TOPIC, framed);
  }
}
