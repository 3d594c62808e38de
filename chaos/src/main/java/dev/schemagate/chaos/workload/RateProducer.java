package dev.schemagate.chaos.workload;

import dev.schemagate.chaos.run.Signals;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.json.JsonSchemaSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An SDK producer (JSON Schema serializer, validating) sending records at a fixed rate. A record
 * the serializer refuses because the registry is down and its schema is not cached is retried, with
 * backoff, until it is sent or {@code retryBound} has passed — it neither blocks the thread for
 * ever nor is dropped silently: one that gives up is counted in {@code send_gave_up}.
 */
public final class RateProducer implements AutoCloseable {
  public static final String PRODUCER_HEADER = "producer";

  private final String name;
  private final String topic;
  private final double perSecond;
  private final Duration retryBound;
  private final Ledger ledger;
  private final Signals signals;
  private final KafkaProducer<String, Object> producer;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong longestRetryMs = new AtomicLong();
  private final AtomicLong longestFailedAttemptMs = new AtomicLong();
  private final Thread thread;
  private final JsonSchemaSerializer<Object> serializer;
  private volatile boolean running = true;
  private volatile boolean paused;
  private long seq;

  public RateProducer(
      String name,
      String bootstrap,
      String registryUrl,
      String topic,
      String schema,
      double perSecond,
      Duration retryBound,
      Ledger ledger,
      Signals signals,
      boolean paused) {
    this.paused = paused;
    this.name = name;
    this.topic = topic;
    this.perSecond = perSecond;
    this.retryBound = retryBound;
    this.ledger = ledger;
    this.signals = signals;
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, name);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(SdkConfig.REGISTRY_URL, registryUrl);
    props.put(SdkConfig.AUTO_REGISTER, true);
    props.put(SdkConfig.JSON_SCHEMA, schema);
    props.put(SdkConfig.REGISTRY_MAX_BLOCK_MS, 1_000);
    this.serializer = new JsonSchemaSerializer<>();
    serializer.configure(props, false);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), serializer);
    this.thread = Thread.ofPlatform().daemon().name("producer-" + name).start(this::loop);
  }

  private void loop() {
    long intervalNanos = (long) (1_000_000_000L / perSecond);
    long nextAt = System.nanoTime();
    while (running) {
      if (paused) {
        sleepNanos(50_000_000);
        nextAt = System.nanoTime();
        continue;
      }
      String key = name + "-" + seq;
      send(key, Events.payment(key, seq, (int) (seq % 1000)));
      seq++;
      nextAt += intervalNanos;
      long wait = nextAt - System.nanoTime();
      if (wait > 0) {
        sleepNanos(wait);
      } else {
        nextAt = System.nanoTime(); // behind (a retry took long): do not burst to catch up
      }
    }
  }

  private void send(String key, Object value) {
    long started = System.nanoTime();
    long backoffMs = 100;
    boolean counted = false;
    while (running || counted) {
      long attempt = System.nanoTime();
      try {
        var headers = new RecordHeaders();
        headers.add(PRODUCER_HEADER, name.getBytes(StandardCharsets.UTF_8));
        producer.send(
            new ProducerRecord<>(topic, null, key, value, headers),
            (metadata, error) -> {
              if (error == null) {
                ledger.produced(key);
                signals.increment("produced");
              } else {
                signals.increment("send_failed");
              }
            });
        if (counted) {
          pending.decrementAndGet();
          longestRetryMs.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
        }
        return;
      } catch (SerdeException e) {
        if (e.reason() != SerdeException.Reason.REGISTRY_UNAVAILABLE) {
          signals.increment("send_refused");
          return;
        }
        signals.increment("uncached_schema_failures");
        longestFailedAttemptMs.accumulateAndGet(
            (System.nanoTime() - attempt) / 1_000_000, Math::max);
        if (!counted) {
          counted = true;
          pending.incrementAndGet();
        }
        if (System.nanoTime() - started > retryBound.toNanos()) {
          pending.decrementAndGet();
          signals.increment("send_gave_up");
          return;
        }
        sleepNanos(backoffMs * 1_000_000);
        backoffMs = Math.min(backoffMs * 2, 1_000);
      }
    }
  }

  /**
   * Resolves the schema id now (as a producer does on its first record) without sending, so the id
   * is cached from here on. This is set-up, before any fault: a registry slower than the
   * serializer's 1 s bound (a cold JVM on a busy machine) is waited for, up to 30 s.
   */
  public RateProducer cacheSchema() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        serializer.serialize(topic, Events.payment(name + "-warmup", 0, 0));
        return this;
      } catch (SerdeException e) {
        if (e.reason() != SerdeException.Reason.REGISTRY_UNAVAILABLE
            || System.nanoTime() > deadline) {
          throw e;
        }
        sleepNanos(200_000_000);
      }
    }
  }

  public void resume() {
    paused = false;
  }

  public void pause() {
    paused = true;
  }

  public String name() {
    return name;
  }

  public long pending() {
    return pending.get();
  }

  /** The longest a single send took to fail (the serializer's bound, not a hang). */
  public long longestFailedAttemptMs() {
    return longestFailedAttemptMs.get();
  }

  public long longestRetryMs() {
    return longestRetryMs.get();
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(Duration.ofNanos(nanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops sending (a record being retried is still given its chance), then flushes. */
  public void stop() {
    running = false;
    try {
      thread.join(retryBound.toMillis() + 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.flush();
  }

  @Override
  public void close() {
    stop();
    producer.close();
  }
}
