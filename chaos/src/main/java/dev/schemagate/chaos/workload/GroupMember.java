package dev.schemagate.chaos.workload;

import dev.schemagate.chaos.run.Signals;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.dlq.DeadLetterConsumer;
import dev.schemagate.sdk.dlq.PollSummary;
import dev.schemagate.sdk.json.JsonSchemaDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One member of a consumer group built on the SDK's {@link DeadLetterConsumer} (validating JSON
 * Schema deserializer): what it cannot read goes to {@code <topic>.dlq}, what it reads is recorded
 * in the ledger. {@code perRecordDelay} slows it down to make lag.
 */
public final class GroupMember implements AutoCloseable {
  private final DeadLetterConsumer<String, Object> consumer;
  private final Ledger ledger;
  private final Signals signals;
  private final Thread thread;
  private final AtomicLong perRecordDelayMs;
  private volatile boolean running = true;

  public GroupMember(
      String name,
      String bootstrap,
      String registryUrl,
      String group,
      String topic,
      Duration unavailableGrace,
      long perRecordDelayMs,
      Ledger ledger,
      Signals signals) {
    this.ledger = ledger;
    this.signals = signals;
    this.perRecordDelayMs = new AtomicLong(perRecordDelayMs);
    Map<String, Object> serde = new HashMap<>();
    serde.put(SdkConfig.REGISTRY_URL, registryUrl);
    serde.put(SdkConfig.REGISTRY_MAX_BLOCK_MS, 1_000);
    var values = new JsonSchemaDeserializer<Object>();
    values.configure(serde, false);
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
    this.consumer =
        DeadLetterConsumer.builder(props, new StringDeserializer(), values)
            .deadLetterWhenRegistryUnavailableFor(unavailableGrace)
            .build();
    consumer.subscribe(List.of(topic));
    this.thread = Thread.ofPlatform().daemon().name("consumer-" + name).start(this::loop);
  }

  private void loop() {
    while (running) {
      try {
        PollSummary summary =
            consumer.poll(
                Duration.ofMillis(200),
                record -> {
                  long delay = perRecordDelayMs.get();
                  if (delay > 0) {
                    Thread.sleep(delay);
                  }
                  if (ledger.handled(
                      record.key(), record.topic(), record.partition(), record.offset())) {
                    signals.increment("consumed");
                  }
                });
        signals.add("dead_lettered", summary.deadLettered());
      } catch (SerdeException e) {
        // Registry down and this schema id not cached yet: the batch is retried.
        signals.increment("consumer_registry_retries");
        sleep(200);
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        signals.increment("consumer_errors");
        sleep(200);
      }
    }
  }

  public void slowDown(long perRecordDelayMs) {
    this.perRecordDelayMs.set(perRecordDelayMs);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
  }
}
