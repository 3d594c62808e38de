package dev.schemagate.chaos.workload;

import dev.schemagate.chaos.run.Signals;
import dev.schemagate.sdk.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A producer that bypasses the SDK and writes bytes consumers cannot accept, one kind after the
 * other: a bad magic byte, a schema id the registry does not know, a truncated payload, and a value
 * that breaks the contract ({@code amount < 0}).
 */
public final class PoisonProducer implements AutoCloseable {
  public enum Kind {
    BAD_MAGIC,
    UNKNOWN_ID,
    TRUNCATED,
    BREAKS_CONTRACT
  }

  private final String name;
  private final String topic;
  private final int knownId;
  private final int unknownId;
  private final double perSecond;
  private final Ledger ledger;
  private final Signals signals;
  private final KafkaProducer<String, byte[]> producer;
  private final Thread thread;
  private volatile boolean running = true;

  public PoisonProducer(
      String name,
      String bootstrap,
      String topic,
      int knownId,
      int unknownId,
      double perSecond,
      Ledger ledger,
      Signals signals) {
    this.name = name;
    this.topic = topic;
    this.knownId = knownId;
    this.unknownId = unknownId;
    this.perSecond = perSecond;
    this.ledger = ledger;
    this.signals = signals;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, name,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
            new StringSerializer(),
            new ByteArraySerializer());
    this.thread = Thread.ofPlatform().daemon().name("poison-" + name).start(this::loop);
  }

  private void loop() {
    long seq = 0;
    while (running) {
      Kind kind = Kind.values()[(int) (seq % Kind.values().length)];
      String key = name + "-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + seq;
      var headers = new RecordHeaders();
      headers.add(RateProducer.PRODUCER_HEADER, name.getBytes(StandardCharsets.UTF_8));
      producer.send(
          new ProducerRecord<>(topic, null, key, bytes(kind, key, seq), headers),
          (metadata, error) -> {
            if (error == null) {
              ledger.produced(key);
              signals.increment("produced");
              signals.increment("poison_" + kind.name().toLowerCase(java.util.Locale.ROOT));
            }
          });
      seq++;
      try {
        Thread.sleep(Duration.ofNanos((long) (1e9 / perSecond)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private byte[] bytes(Kind kind, String key, long seq) {
    return switch (kind) {
      case BAD_MAGIC -> {
        byte[] record = framed(knownId, Events.payment(key, seq, 1).toString());
        record[0] = 7;
        yield record;
      }
      case UNKNOWN_ID -> framed(unknownId, Events.payment(key, seq, 1).toString());
      case TRUNCATED -> {
        byte[] whole = framed(knownId, Events.payment(key, seq, 1).toString());
        yield Arrays.copyOf(whole, whole.length / 2);
      }
      case BREAKS_CONTRACT -> framed(knownId, Events.payment(key, seq, -5).toString());
    };
  }

  private static byte[] framed(int id, String json) {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    byte[] record = new byte[WireFormat.HEADER_SIZE + payload.length];
    WireFormat.writeHeader(record, 0, id);
    System.arraycopy(payload, 0, record, WireFormat.HEADER_SIZE, payload.length);
    return record;
  }

  public void stop() {
    running = false;
    try {
      thread.join(5_000);
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
