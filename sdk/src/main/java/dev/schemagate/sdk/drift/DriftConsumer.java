package dev.schemagate.sdk.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Feeds a {@link DriftMonitor} from a Kafka topic of JSON values (plain JSON, or the Confluent wire
 * format of a JSON Schema serializer: magic byte 0, 4-byte schema id, JSON). A value that is not
 * JSON is counted and skipped: drift is about the data that parses; the DLQ consumer handles the
 * rest.
 */
public final class DriftConsumer {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How a run ended. */
  public record Summary(long records, long skipped, long breaches) {}

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
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
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
          JsonNode value = parse(record.value());
          if (value == null) {
            skipped++;
          } else {
            monitor.accept(value);
          }
          if (++records >= maxRecords) {
            break;
          }
        }
      }
    }
    return new Summary(records, skipped, breachCounter[0]);
  }

  private static JsonNode parse(byte[] value) {
    if (value == null || value.length == 0) {
      return null;
    }
    int offset = value[0] == 0 && value.length > 5 ? 5 : 0; // Confluent wire format
    try {
      return JSON.readTree(value, offset, value.length - offset);
    } catch (IOException notJson) {
      return null;
    }
  }
}
