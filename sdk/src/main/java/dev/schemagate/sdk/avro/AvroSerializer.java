package dev.schemagate.sdk.avro;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.sdk.OutputBuffer;
import dev.schemagate.sdk.RegistryAccess;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SdkMetrics;
import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.SerdeException.Reason;
import dev.schemagate.sdk.SubjectNameStrategy;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes Avro records ({@code GenericRecord}, generated {@code SpecificRecord}, or any {@link
 * GenericContainer}) in the Confluent wire format, after checking each against its schema.
 *
 * <p>Per topic and schema it resolves the schema id once (lookup, or registration when {@code
 * auto.register.schemas=true}, or the subject's latest version when {@code
 * use.latest.version=true}) and keeps one {@link DatumWriter}; the encoder and buffer are reused
 * per thread.
 */
public class AvroSerializer<T> implements Serializer<T> {
  private record Writer(
      int id,
      Schema schema,
      GenericData model,
      DatumWriter<Object> datumWriter,
      CompiledAvroCheck check) {}

  private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();

  private final ConcurrentMap<String, ConcurrentMap<Schema, Writer>> writersByTopic =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, Writer> latestWriters = new ConcurrentHashMap<>();
  private SdkConfig config;
  private RegistryAccess registry;
  private SdkMetrics metrics;
  private boolean isKey;

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = SdkConfig.from(configs, isKey);
    this.registry = new RegistryAccess(config);
    this.metrics = new SdkMetrics(config.meterRegistry());
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof GenericContainer container)) {
      throw refuse(
          topic,
          new SerdeException(
              Reason.UNSUPPORTED_TYPE,
              "cannot serialize a %s as Avro: expected a GenericRecord or SpecificRecord"
                  .formatted(data.getClass().getName())));
    }
    Writer writer;
    try {
      writer = writerFor(topic, container);
    } catch (SerdeException e) {
      throw refuse(topic, e);
    }
    if (config.validate()) {
      var violation = AvroContract.check(writer.check(), writer.model(), writer.schema(), data);
      if (violation.isPresent()) {
        throw refuse(
            topic,
            new SerdeException(
                Reason.INVALID_RECORD,
                "record for topic '%s' breaks schema %s (id %d) at %s"
                    .formatted(topic, writer.schema().getFullName(), writer.id(), violation.get()),
                violation.get(),
                writer.id(),
                null));
      }
      metrics.validated(topic);
    }
    OutputBuffer out = OutputBuffer.forRecord(writer.id());
    // Buffered: the encoder batches small writes into its own array, flushed once per record.
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODERS.get());
    ENCODERS.set(encoder);
    try {
      writer.datumWriter().write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw refuse(
          topic,
          new SerdeException(
              Reason.INVALID_RECORD,
              "record for topic '%s' does not encode with schema %s (id %d): %s"
                  .formatted(topic, writer.schema().getFullName(), writer.id(), e),
              null,
              writer.id(),
              e));
    }
    return out.toByteArray();
  }

  private Writer writerFor(String topic, GenericContainer container) {
    Schema schema = container.getSchema();
    if (config.useLatestVersion()) {
      return latestWriter(subject(topic, schema), container);
    }
    ConcurrentMap<Schema, Writer> writers = writersByTopic.get(topic);
    if (writers == null) {
      writers = writersByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
    }
    Writer writer = writers.get(schema);
    if (writer == null) {
      int id =
          registry.idFor(
              subject(topic, schema), SchemaSubmission.of(SchemaFormat.AVRO, schema.toString()));
      writer = newWriter(id, schema, container);
      writers.putIfAbsent(schema, writer);
    }
    return writer;
  }

  private Writer latestWriter(String subject, GenericContainer container) {
    RegisteredSchema latest = registry.latest(subject);
    if (latest.format() != SchemaFormat.AVRO) {
      throw new SerdeException(
          Reason.REGISTRY_REFUSED,
          "the latest version of subject '%s' is a %s schema, not Avro"
              .formatted(subject, latest.format()));
    }
    Writer writer = latestWriters.get(latest.id());
    if (writer == null) {
      Schema schema = new Schema.Parser().parse(latest.schema());
      writer = newWriter(latest.id(), schema, container);
      latestWriters.putIfAbsent(latest.id(), writer);
    }
    return writer;
  }

  private static Writer newWriter(int id, Schema schema, GenericContainer container) {
    if (container instanceof SpecificRecord) {
      SpecificData model = SpecificData.getForClass(container.getClass());
      return new Writer(
          id,
          schema,
          model,
          new SpecificDatumWriter<>(schema, model),
          CompiledAvroCheck.compile(schema, model));
    }
    GenericData model = GenericData.get();
    return new Writer(
        id,
        schema,
        model,
        new GenericDatumWriter<>(schema, model),
        CompiledAvroCheck.compile(schema, model));
  }

  private String subject(String topic, Schema schema) {
    SubjectNameStrategy strategy = config.subjectNameStrategy();
    boolean named =
        switch (schema.getType()) {
          case RECORD, ENUM, FIXED -> true;
          default -> false;
        };
    return strategy.subject(topic, isKey, named ? schema.getFullName() : null);
  }

  private SerdeException refuse(String topic, SerdeException e) {
    metrics.refused(topic, e.reason());
    return e;
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
