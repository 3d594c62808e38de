package dev.schemagate.sdk.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.WireFormat;
import dev.schemagate.sdk.avro.AvroDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Feeds a {@link DriftMonitor} from a Kafka topic of JSON or Avro values: plain JSON, or the
 * Confluent wire format (magic byte 0, 4-byte schema id) of a JSON Schema or an Avro serializer.
 * Avro needs the registry ({@code schema.registry.url} and the SDK's other keys in the consumer
 * properties): a schema id the registry names as Avro is decoded with the SDK's {@link
 * AvroDeserializer}, any other is read as JSON. A value that decodes as neither is counted and
 * skipped (the first reason is kept for the summary): drift is about the data that parses; the DLQ
 * consumer handles the rest.
 */
public final class DriftConsumer {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How a run ended.
   *
   * @param firstSkipReason why the first skipped value was skipped, if one was
   */
  public record Summary(
      long records, long skipped, long breaches, Optional<String> firstSkipReason) {
    public Summary(long records, long skipped, long breaches) {
      this(records, skipped, breaches, Optional.empty());
    }
  }

  private DriftConsumer() {}

  /**
   * Consumes until {@code maxRecords} were read or nothing arrived for {@code idle}.
   *
   * @param consumerProps bootstrap.servers, group.id and anything else the consumer needs
   */
  public static Summary run(
      Map<String, Object> consumerProps,
      String topic,
      DriftMonitor monitor,
      long maxRecords,
      Duration idle,
      long[] breachCounter) {
    Properties props = new Properties();
    props.putAll(consumerProps);
    props.putIfAbsent("auto.offset.reset", "earliest");
    props.put("key.deserializer", ByteArrayDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    long records = 0;
    long skipped = 0;
    Values values = new Values(consumerProps);
    try (values;
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      reach(consumer, topic, props.getProperty("bootstrap.servers"));
      Instant lastSeen = Instant.now();
      while (records < maxRecords) {
        var batch = consumer.poll(Duration.ofMillis(200));
        if (batch.isEmpty()) {
          if (Duration.between(lastSeen, Instant.now()).compareTo(idle) > 0) {
            break;
          }
          continue;
        }
        lastSeen = Instant.now();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
          if (!values.feed(topic, record.value(), monitor)) {
            skipped++;
          }
          if (++records >= maxRecords) {
            break;
          }
        }
      }
    }
    return new Summary(records, skipped, breachCounter[0], values.firstProblem);
  }

  /** How long the brokers have to answer the first metadata request. */
  static final Duration REACH_TIMEOUT = Duration.ofSeconds(15);

  /**
   * Asks the brokers for the topic once before polling: poll alone retries an unreachable broker
   * forever, so a wrong address would look like a quiet topic (0 records, no breach, exit 0).
   */
  private static void reach(KafkaConsumer<?, ?> consumer, String topic, String bootstrap) {
    try {
      consumer.partitionsFor(topic, REACH_TIMEOUT);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new org.apache.kafka.common.KafkaException(
          "no broker at "
              + bootstrap
              + " answered within "
              + REACH_TIMEOUT.toSeconds()
              + " s (is the address right and the cluster up?)");
    }
  }

  /** Decodes values: Avro through the registry when it is configured, JSON otherwise. */
  private static final class Values implements AutoCloseable {
    private final Optional<AvroDeserializer<Object>> avro;

    /** Schema ids the registry said are not Avro: read as JSON without asking again. */
    private final Set<Integer> notAvro = new HashSet<>();

    private Optional<String> firstProblem = Optional.empty();

    Values(Map<String, Object> props) {
      if (props.containsKey(SdkConfig.REGISTRY_URL)
          || props.containsKey(SdkConfig.REGISTRY_CLIENT)) {
        AvroDeserializer<Object> d = new AvroDeserializer<>();
        d.configure(props, false);
        avro = Optional.of(d);
      } else {
        avro = Optional.empty();
      }
    }

    /** Whether the value was read and given to the monitor. */
    boolean feed(String topic, byte[] value, DriftMonitor monitor) {
      if (value == null || value.length == 0) {
        return problem("an empty value (tombstone)");
      }
      boolean wire = value[0] == WireFormat.MAGIC_BYTE && value.length > WireFormat.HEADER_SIZE;
      if (wire && avro.isPresent() && !notAvro.contains(WireFormat.schemaId(value))) {
        try {
          Object decoded = avro.get().deserialize(topic, value);
          if (decoded instanceof GenericRecord record) {
            monitor.accept(record);
            return true;
          }
          return problem("an Avro value that is not a record");
        } catch (SerdeException e) {
          if (e.reason() != SerdeException.Reason.UNSUPPORTED_TYPE) {
            return problem(e.getMessage());
          }
          notAvro.add(WireFormat.schemaId(value)); // a JSON Schema id: read it as JSON
        }
      }
      int offset = wire ? WireFormat.HEADER_SIZE : 0;
      try {
        JsonNode node = JSON.readTree(value, offset, value.length - offset);
        if (node == null || !node.isObject()) {
          return problem("a value that is not a JSON object");
        }
        monitor.accept(node);
        return true;
      } catch (IOException notJson) {
        return problem(
            wire && avro.isEmpty()
                ? "a wire-format value that is not JSON (Avro needs " + SdkConfig.REGISTRY_URL + ")"
                : "a value that is neither Avro nor JSON");
      }
    }

    private boolean problem(String why) {
      if (firstProblem.isEmpty()) {
        firstProblem = Optional.of(why);
      }
      return false;
    }

    @Override
    public void close() {
      avro.ifPresent(AvroDeserializer::close);
    }
  }
}
