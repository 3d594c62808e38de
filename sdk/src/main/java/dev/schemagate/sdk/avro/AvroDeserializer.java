package dev.schemagate.sdk.avro;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.sdk.RegistryAccess;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.SerdeException.Reason;
import dev.schemagate.sdk.WireFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro records: {@code GenericRecord} by default, the generated {@code
 * SpecificRecord} class with {@code specific.avro.reader=true}. Anything it cannot read (short or
 * foreign bytes, unknown schema id, truncated or trailing payload) is a {@link SerdeException} that
 * says which, never a raw Avro exception.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
  private record Reader(Schema writerSchema, DatumReader<Object> datumReader) {}

  private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

  private final ConcurrentMap<Integer, Reader> readers = new ConcurrentHashMap<>();
  private SdkConfig config;
  private RegistryAccess registry;

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = SdkConfig.from(configs, isKey);
    this.registry = new RegistryAccess(config);
    if (config.specificAvroReader()) {
      GeneratedClassTrust.install();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = WireFormat.schemaId(data);
    Reader reader = readers.get(id);
    if (reader == null) {
      reader = newReader(id);
      readers.putIfAbsent(id, reader);
    }
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, DECODERS.get());
    DECODERS.set(decoder);
    Object value;
    try {
      value = reader.datumReader().read(null, decoder);
      if (!decoder.isEnd()) {
        throw new SerdeException(
            Reason.MALFORMED,
            "payload has bytes left over after decoding with schema id %d (%s)"
                .formatted(id, reader.writerSchema().getFullName()),
            null,
            id,
            null);
      }
    } catch (SerdeException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw new SerdeException(
          Reason.MALFORMED,
          "payload of %d bytes does not decode with schema id %d (%s): %s"
              .formatted(
                  data.length - WireFormat.HEADER_SIZE, id, reader.writerSchema().getFullName(), e),
          null,
          id,
          e);
    }
    return (T) value;
  }

  private Reader newReader(int id) {
    SchemaSubmission submission = registry.byId(id);
    if (submission.format() != SchemaFormat.AVRO) {
      throw new SerdeException(
          Reason.UNSUPPORTED_TYPE,
          "schema id %d is a %s schema, not Avro".formatted(id, submission.format()),
          null,
          id,
          null);
    }
    Schema writer;
    try {
      writer = new Schema.Parser().parse(submission.schema());
    } catch (SchemaParseException e) {
      throw new SerdeException(
          Reason.UNSUPPORTED_TYPE,
          "schema id %d does not parse as Avro: %s".formatted(id, e.getMessage()),
          null,
          id,
          e);
    }
    if (!config.specificAvroReader()) {
      return new Reader(writer, new GenericDatumReader<>(writer));
    }
    Class<?> type = SpecificData.get().getClass(writer);
    if (type == null) {
      throw new SerdeException(
          Reason.UNSUPPORTED_TYPE,
          "no generated class %s on the classpath for schema id %d (%s=true)"
              .formatted(writer.getFullName(), id, SdkConfig.SPECIFIC_AVRO_READER),
          null,
          id,
          null);
    }
    SpecificData model = SpecificData.getForClass(type);
    Schema readerSchema;
    try {
      readerSchema = model.getSchema(type);
    } catch (AvroRuntimeException e) {
      throw new SerdeException(
          Reason.UNSUPPORTED_TYPE, "cannot read the schema of " + type.getName(), null, id, e);
    }
    return new Reader(writer, new SpecificDatumReader<>(writer, readerSchema, model));
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
