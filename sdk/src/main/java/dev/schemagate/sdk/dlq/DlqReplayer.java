package dev.schemagate.sdk.dlq;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-sends dead-lettered records, bytes unchanged, to their original topic (from the {@code
 * schemagate.dlq.original.topic} header) or to a chosen topic, once the cause is fixed. The
 * original producer's headers are kept, ours dropped, and {@code schemagate.replayed.from} added.
 *
 * <p>Progress is the replay group's committed offset, committed in the same transaction as the
 * re-sent records: an interrupted replay resumes where it stopped and re-sends nothing twice.
 */
public final class DlqReplayer implements AutoCloseable {
  /** Where replayed records go. */
  public sealed interface Target {
    record Original() implements Target {}

    record Topic(String name) implements Target {}
  }

  /** Outcome of a replay: records re-sent, and records skipped because no target was known. */
  public record Summary(long replayed, long skipped) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaProducer<byte[], byte[]> producer;
  private final String dlqTopic;
  private final Target target;

  public DlqReplayer(
      String bootstrapServers,
      String dlqTopic,
      Target target,
      String groupId,
      Map<String, ?> extra) {
    this.dlqTopic = Objects.requireNonNull(dlqTopic, "dlq topic");
    this.target = Objects.requireNonNull(target, "target");
    Map<String, Object> consumerProps = new HashMap<>(extra);
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, Object> producerProps = new HashMap<>(extra);
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "schemagate-dlq-replay-" + groupId);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    this.consumer =
        new KafkaConsumer<>(
            consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.producer =
        new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
    producer.initTransactions();
    consumer.subscribe(List.of(dlqTopic));
  }

  /**
   * Replays until the DLQ has had nothing new for {@code idle}, or {@code maxRecords} were re-sent.
   */
  public Summary replay(Duration idle, long maxRecords) {
    long replayed = 0;
    long skipped = 0;
    long quietSince = System.nanoTime();
    while (replayed < maxRecords && System.nanoTime() - quietSince < idle.toNanos()) {
      ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
      if (batch.isEmpty()) {
        continue;
      }
      quietSince = System.nanoTime();
      producer.beginTransaction();
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      try {
        for (ConsumerRecord<byte[], byte[]> record : batch) {
          if (replayed >= maxRecords) {
            break;
          }
          offsets.put(
              new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset() + 1));
          Optional<String> destination = destination(record);
          if (destination.isEmpty()) {
            skipped++;
            continue;
          }
          var headers = DlqHeaders.original(record.headers());
          headers.add(
              DlqHeaders.REPLAYED_FROM,
              "%s/%d/%d"
                  .formatted(record.topic(), record.partition(), record.offset())
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
          producer.send(
              new ProducerRecord<>(
                  destination.get(), null, null, record.key(), record.value(), headers));
          replayed++;
        }
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();
      } catch (RuntimeException e) {
        producer.abortTransaction();
        throw e;
      }
      if (replayed >= maxRecords) {
        // Records polled beyond the limit were not committed: rewind so they are replayed next.
        for (TopicPartition partition : batch.partitions()) {
          OffsetAndMetadata next = offsets.get(partition);
          consumer.seek(
              partition,
              next != null ? next.offset() : batch.records(partition).getFirst().offset());
        }
        break;
      }
    }
    return new Summary(replayed, skipped);
  }

  private Optional<String> destination(ConsumerRecord<byte[], byte[]> record) {
    return switch (target) {
      case Target.Topic topic -> Optional.of(topic.name());
      case Target.Original original ->
          DlqHeaders.text(record.headers(), DlqHeaders.ORIGINAL_TOPIC).filter(t -> !t.isBlank());
    };
  }

  public String dlqTopic() {
    return dlqTopic;
  }

  @Override
  public void close() {
    try {
      consumer.close();
    } finally {
      producer.close();
    }
  }
}
