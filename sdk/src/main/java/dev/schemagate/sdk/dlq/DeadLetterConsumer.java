package dev.schemagate.sdk.dlq;

import dev.schemagate.sdk.SdkMetrics;
import dev.schemagate.sdk.SerdeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A {@link KafkaConsumer} that never crashes on a poison record and never drops one: each record it
 * cannot deserialize, or that breaks its contract, goes to a dead-letter topic with headers naming
 * the error and the original coordinates (see {@link DlqHeaders}); the rest go to the handler.
 *
 * <p>Each poll is one Kafka transaction: the dead-letter writes and the consumer offsets commit
 * together ({@code sendOffsetsToTransaction}), and only after every dead-letter write was
 * acknowledged. A crash anywhere before the commit aborts the transaction, so the batch is
 * delivered again and its dead-letter records — already written, but aborted — are invisible to
 * {@code read_committed} readers: restarts produce no duplicates in the DLQ. This is Kafka's own
 * exactly-once machinery (KIP-447) rather than a hand-rolled dedupe by key, which would need to
 * read the DLQ back and race with other instances.
 *
 * <p>Handlers see records at least once: a batch whose commit failed is handled again.
 */
public final class DeadLetterConsumer<K, V> implements AutoCloseable {
  /** Names the transactional id; stable per instance so a restart fences its predecessor. */
  public static final String TRANSACTIONAL_ID = "schemagate.dlq.transactional.id";

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Deserializer<K> keys;
  private final Deserializer<V> values;
  private final UnaryOperator<String> dlqTopicFor;
  private final SdkMetrics metrics;
  private final java.util.Optional<Duration> unavailableGrace;
  private long unavailableSince = -1;

  private DeadLetterConsumer(Builder<K, V> builder) {
    Map<String, Object> consumerProps = new HashMap<>(builder.props);
    consumerProps.remove(TRANSACTIONAL_ID);
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    String group =
        Objects.requireNonNull(
            (String) builder.props.get(ConsumerConfig.GROUP_ID_CONFIG),
            "group.id is required: offsets are committed for a group");
    Object clientId = builder.props.get(ConsumerConfig.CLIENT_ID_CONFIG);
    Object transactionalId = builder.props.get(TRANSACTIONAL_ID);
    if (transactionalId == null && clientId == null) {
      throw new IllegalArgumentException(
          "set %s (or client.id) to a name stable for this instance, e.g. the pod name, so that a"
                  .formatted(TRANSACTIONAL_ID)
              + " restarted instance aborts what its predecessor left open");
    }
    Map<String, Object> producerProps = new HashMap<>(builder.producerProps);
    producerProps.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        builder.props.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
    producerProps.put(
        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
        transactionalId != null ? transactionalId : "schemagate-dlq-" + group + "-" + clientId);
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer =
        new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
    this.consumer = new KafkaConsumer<>(consumerProps);
    this.keys = builder.keys;
    this.values = builder.values;
    this.dlqTopicFor = builder.dlqTopicFor;
    this.metrics = new SdkMetrics(builder.meterRegistry);
    this.unavailableGrace = builder.unavailableGrace;
    producer.initTransactions();
  }

  /**
   * A builder over the consumer's properties ({@code bootstrap.servers}, {@code group.id}, ...);
   * {@code key.deserializer}/{@code value.deserializer} are replaced by the given instances, which
   * must already be configured.
   */
  public static <K, V> Builder<K, V> builder(
      Map<String, ?> consumerProps, Deserializer<K> keys, Deserializer<V> values) {
    return new Builder<>(consumerProps, keys, values);
  }

  public void subscribe(Collection<String> topics) {
    consumer.subscribe(topics);
  }

  /**
   * Polls once: dead-letters what cannot be read, hands the rest to {@code handler}, waits for the
   * dead-letter writes to be acknowledged, then commits offsets in the same transaction. If the
   * handler throws, nothing is committed, the consumer is rewound to the start of the batch, and
   * the exception is rethrown. The same happens when the registry is unavailable for a schema id
   * not yet cached ({@code SerdeException} with reason REGISTRY_UNAVAILABLE): such records are not
   * poison, so they are retried by the next poll instead of being dead-lettered.
   */
  public PollSummary poll(Duration timeout, RecordHandler<K, V> handler) {
    ConsumerRecords<byte[], byte[]> batch = consumer.poll(timeout);
    if (batch.isEmpty()) {
      return PollSummary.EMPTY;
    }
    producer.beginTransaction();
    try {
      List<DlqWrite> dlqWrites = new ArrayList<>();
      List<ConsumerRecord<K, V>> readable = new ArrayList<>(batch.count());
      for (ConsumerRecord<byte[], byte[]> record : batch) {
        try {
          readable.add(deserialize(record));
        } catch (RuntimeException e) {
          if (e instanceof SerdeException serde
              && serde.reason() == SerdeException.Reason.REGISTRY_UNAVAILABLE
              && !unavailableGraceOver()) {
            // Not the record's fault: the batch is retried later instead of dead-lettering it.
            throw e;
          }
          dlqWrites.add(deadLetter(record, e));
        }
      }
      awaitAcks(dlqWrites);
      if (dlqWrites.stream().noneMatch(w -> w.reason().equals("REGISTRY_UNAVAILABLE"))) {
        unavailableSince = -1;
      }
      int rejected = 0;
      List<DlqWrite> rejections = new ArrayList<>();
      for (ConsumerRecord<K, V> record : readable) {
        try {
          handler.handle(record);
        } catch (RecordHandler.RejectedRecord e) {
          rejections.add(deadLetter(raw(batch, record), e));
          rejected++;
        }
      }
      awaitAcks(rejections);
      producer.sendOffsetsToTransaction(nextOffsets(batch), consumer.groupMetadata());
      producer.commitTransaction();
      // Counted once committed: an aborted batch is dead-lettered again, and counted then.
      dlqWrites.forEach(w -> metrics.deadLettered(w.topic(), w.reason()));
      rejections.forEach(w -> metrics.deadLettered(w.topic(), w.reason()));
      return new PollSummary(readable.size() - rejected, dlqWrites.size() + rejected);
    } catch (Exception e) {
      // An Error (OOM, or a test's simulated crash) propagates untouched: nothing is committed,
      // and the broker aborts the open transaction when our successor calls initTransactions.
      abortAndRewind(batch);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new KafkaException("record handler failed; the batch will be delivered again", e);
    }
  }

  /**
   * Whether the registry has been unavailable for longer than the configured grace: from then on
   * records whose schema is not cached are dead-lettered (reason REGISTRY_UNAVAILABLE) so that the
   * rest of the stream keeps flowing; they are replayed once the registry is back.
   */
  private boolean unavailableGraceOver() {
    if (unavailableGrace.isEmpty()) {
      return false;
    }
    long now = System.nanoTime();
    if (unavailableSince < 0) {
      unavailableSince = now;
    }
    return now - unavailableSince >= unavailableGrace.get().toNanos();
  }

  private ConsumerRecord<K, V> deserialize(ConsumerRecord<byte[], byte[]> record) {
    K key = keys.deserialize(record.topic(), record.headers(), record.key());
    V value = values.deserialize(record.topic(), record.headers(), record.value());
    return new ConsumerRecord<>(
        record.topic(),
        record.partition(),
        record.offset(),
        record.timestamp(),
        record.timestampType(),
        record.serializedKeySize(),
        record.serializedValueSize(),
        key,
        value,
        record.headers(),
        record.leaderEpoch());
  }

  private record DlqWrite(Future<RecordMetadata> ack, String topic, String reason) {}

  private DlqWrite deadLetter(ConsumerRecord<byte[], byte[]> record, Throwable error) {
    String reason =
        error instanceof SerdeException serde
            ? serde.reason().name()
            : error.getClass().getSimpleName();
    var ack =
        producer.send(
            new ProducerRecord<>(
                dlqTopicFor.apply(record.topic()),
                null,
                null,
                record.key(),
                record.value(),
                DlqHeaders.describe(record, error)));
    return new DlqWrite(ack, record.topic(), reason);
  }

  private void awaitAcks(List<DlqWrite> writes) throws InterruptedException, ExecutionException {
    if (writes.isEmpty()) {
      return;
    }
    producer.flush();
    for (DlqWrite write : writes) {
      write.ack().get();
    }
  }

  private static <K, V> ConsumerRecord<byte[], byte[]> raw(
      ConsumerRecords<byte[], byte[]> batch, ConsumerRecord<K, V> record) {
    for (ConsumerRecord<byte[], byte[]> candidate :
        batch.records(new TopicPartition(record.topic(), record.partition()))) {
      if (candidate.offset() == record.offset()) {
        return candidate;
      }
    }
    throw new IllegalStateException("record not in its batch");
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<byte[], byte[]> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : batch.partitions()) {
      var records = batch.records(partition);
      offsets.put(partition, new OffsetAndMetadata(records.getLast().offset() + 1));
    }
    return offsets;
  }

  private void abortAndRewind(ConsumerRecords<byte[], byte[]> batch) {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      // A fenced or failed producer cannot abort; the broker aborts on timeout or on our
      // successor's
      // initTransactions. Rewinding below still makes this instance re-deliver.
    }
    var assigned = consumer.assignment();
    for (TopicPartition partition : batch.partitions()) {
      if (assigned.contains(partition)) {
        consumer.seek(partition, batch.records(partition).getFirst().offset());
      }
    }
  }

  @Override
  public void close() {
    try {
      consumer.close();
    } finally {
      producer.close();
    }
  }

  public static final class Builder<K, V> {
    private final Map<String, ?> props;
    private final Deserializer<K> keys;
    private final Deserializer<V> values;
    private Map<String, ?> producerProps = Map.of();
    private UnaryOperator<String> dlqTopicFor = topic -> topic + ".dlq";
    private MeterRegistry meterRegistry = Metrics.globalRegistry;
    private java.util.Optional<Duration> unavailableGrace = java.util.Optional.empty();

    private Builder(Map<String, ?> props, Deserializer<K> keys, Deserializer<V> values) {
      this.props = Map.copyOf(props);
      this.keys = Objects.requireNonNull(keys, "key deserializer");
      this.values = Objects.requireNonNull(values, "value deserializer");
    }

    /** The dead-letter topic of all source topics. Default: {@code <topic>.dlq}. */
    public Builder<K, V> dlqTopic(String topic) {
      Objects.requireNonNull(topic, "dlq topic");
      this.dlqTopicFor = source -> topic;
      return this;
    }

    public Builder<K, V> dlqTopicFor(UnaryOperator<String> naming) {
      this.dlqTopicFor = Objects.requireNonNull(naming);
      return this;
    }

    /** Extra properties of the dead-letter producer (e.g. security settings). */
    public Builder<K, V> producerProps(Map<String, ?> props) {
      this.producerProps = Map.copyOf(props);
      return this;
    }

    public Builder<K, V> meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry);
      return this;
    }

    /**
     * How long to retry records whose schema id is not cached while the registry is unavailable
     * before dead-lettering them with reason REGISTRY_UNAVAILABLE. Default: retry for ever (the
     * consumer stops on such a record until the registry is back).
     */
    public Builder<K, V> deadLetterWhenRegistryUnavailableFor(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("grace must not be negative");
      }
      this.unavailableGrace = java.util.Optional.of(grace);
      return this;
    }

    public DeadLetterConsumer<K, V> build() {
      return new DeadLetterConsumer<>(this);
    }
  }
}
