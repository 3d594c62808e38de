package dev.schemagate.sdk.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.awaitility.Awaitility;

/** Plain Kafka clients for the integration tests. */
final class Clients {
  private Clients() {}

  static <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values) {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", SharedKafka.bootstrapServers(), "linger.ms", 5), keys, values);
  }

  static KafkaProducer<byte[], byte[]> rawProducer() {
    return producer(new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Reads every partition of {@code topic} from the start until {@code count} records arrived. */
  static <K, V> List<ConsumerRecord<K, V>> readAll(
      String topic,
      int count,
      Deserializer<K> keys,
      Deserializer<V> values,
      boolean committedOnly) {
    Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", SharedKafka.bootstrapServers());
    props.put("isolation.level", committedOnly ? "read_committed" : "read_uncommitted");
    try (var consumer = new KafkaConsumer<>(props, keys, values)) {
      var partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<K, V>> records = new ArrayList<>();
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return records.size() >= count;
              });
      // Anything beyond the expected count would be a duplicate: drain briefly to see it.
      consumer.poll(Duration.ofMillis(300)).forEach(records::add);
      return records;
    }
  }

  /** How many offsets the topic's partitions hold (committed, aborted and markers included). */
  static long endOffsets(String topic) {
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of("bootstrap.servers", SharedKafka.bootstrapServers()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  static List<ConsumerRecord<byte[], byte[]>> readRaw(String topic, int count) {
    return readAll(topic, count, new ByteArrayDeserializer(), new ByteArrayDeserializer(), true);
  }
}
