package dev.schemagate.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SdkMetrics;
import dev.schemagate.sdk.WireFormat;
import dev.schemagate.sdk.dlq.DeadLetterConsumer;
import dev.schemagate.sdk.dlq.DlqHeaders;
import dev.schemagate.sdk.dlq.DlqReplayer;
import dev.schemagate.sdk.json.JsonSchemaDeserializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dead-letter consumer on a real broker and the real registry: nothing lost, nothing twice. */
@ExtendWith(SharedKafka.class)
class DeadLetterConsumerIT {
  static final String SCHEMA =
      """
      {"title":"UserEvent","type":"object","required":["userId","score"],
       "properties":{"userId":{"type":"string"},"score":{"type":"integer","minimum":0}}}""";

  enum Poison {
    TRUNCATED("MALFORMED"),
    UNKNOWN_SCHEMA_ID("UNKNOWN_SCHEMA_ID"),
    WRONG_MAGIC_BYTE("MALFORMED"),
    CONTRACT_VIOLATION("INVALID_RECORD");

    final String reason;

    Poison(String reason) {
      this.reason = reason;
    }
  }

  /** Stands for the process dying: an Error the consumer does not clean up after. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash() {
      super("simulated crash between the DLQ write and the commit");
    }
  }

  private static RunningRegistry registry;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void startRegistry() {
    registry = RegistryConfig.forTests().start();
    client = SchemaRegistryClient.builder(registry.url()).build();
  }

  @AfterAll
  static void stopRegistry() {
    client.close();
    registry.close();
  }

  /** The produced records, by key; poison ones remembered with their kind. */
  record Produced(Map<String, byte[]> values, Map<String, Poison> poison) {
    int good() {
      return values.size() - poison.size();
    }
  }

  private static Produced produce(String topic, int count, int poisonEvery) throws Exception {
    int id =
        client.register(topic + "-value", SchemaSubmission.of(SchemaFormat.JSON, SCHEMA), false);
    Map<String, byte[]> values = new HashMap<>();
    Map<String, Poison> poison = new HashMap<>();
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    try (var producer = Clients.rawProducer()) {
      for (int i = 0; i < count; i++) {
        String key = "k" + i;
        byte[] value = framed(id, "{\"userId\":\"u-%d\",\"score\":%d}".formatted(i, i % 100));
        if (i % poisonEvery == poisonEvery / 3) {
          Poison kind = Poison.values()[(i / poisonEvery) % Poison.values().length];
          value =
              switch (kind) {
                case TRUNCATED -> Arrays.copyOf(value, value.length - 5);
                case UNKNOWN_SCHEMA_ID -> framed(987_654, "{\"userId\":\"u\",\"score\":1}");
                case WRONG_MAGIC_BYTE -> {
                  value[0] = 1;
                  yield value;
                }
                case CONTRACT_VIOLATION ->
                    framed(id, "{\"userId\":\"u-%d\",\"score\":-1}".formatted(i));
              };
          poison.put(key, kind);
        }
        values.put(key, value);
        sends.add(
            producer.send(
                new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)));
      }
      for (var send : sends) {
        send.get();
      }
    }
    return new Produced(values, poison);
  }

  private static byte[] framed(int id, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[WireFormat.HEADER_SIZE + body.length];
    WireFormat.writeHeader(out, 0, id);
    System.arraycopy(body, 0, out, WireFormat.HEADER_SIZE, body.length);
    return out;
  }

  private static DeadLetterConsumer<String, JsonNode> consumer(
      String topic, String group, String clientId, SimpleMeterRegistry meters) {
    var values = new JsonSchemaDeserializer<JsonNode>();
    values.configure(Map.of(SdkConfig.REGISTRY_URL, registry.url()), false);
    var consumer =
        DeadLetterConsumer.builder(
                Map.of(
                    "bootstrap.servers",
                    SharedKafka.bootstrapServers(),
                    "group.id",
                    group,
                    "client.id",
                    clientId,
                    "auto.offset.reset",
                    "earliest",
                    "max.poll.records",
                    500),
                new StringDeserializer(),
                values)
            .meterRegistry(meters)
            .build();
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  /** Polls until {@code total} records were handled or dead-lettered in all. */
  private static void pollUntil(
      DeadLetterConsumer<String, JsonNode> consumer,
      List<String> handled,
      AtomicInteger total,
      int target) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              var summary = consumer.poll(Duration.ofMillis(200), r -> handled.add(r.key()));
              total.addAndGet(summary.total());
              return total.get() >= target;
            });
  }

  @Test
  void shouldDeadLetterEveryPoisonRecordAndLoseNothingAcrossARestart() throws Exception {
    String topic = SharedKafka.createTopic("orders-events", 3);
    SharedKafka.createTopicNamed(topic + ".dlq", 1);
    Produced produced = produce(topic, 10_000, 100);
    assertThat(produced.poison()).hasSize(100);
    var meters = new SimpleMeterRegistry();
    List<String> handled = new ArrayList<>();
    AtomicInteger total = new AtomicInteger();

    try (var first = consumer(topic, "g-" + topic, "instance-0", meters)) {
      pollUntil(first, handled, total, 5_000);
    }
    try (var restarted = consumer(topic, "g-" + topic, "instance-0", meters)) {
      pollUntil(restarted, handled, total, 10_000);
      // Nothing more arrives: the first instance's commits hold, nothing is delivered twice.
      assertThat(restarted.poll(Duration.ofMillis(500), r -> handled.add(r.key())).total())
          .isZero();
    }

    assertThat(handled).hasSize(produced.good()).doesNotHaveDuplicates();
    assertThat(handled).doesNotContainAnyElementsOf(produced.poison().keySet());
    var dead = Clients.readRaw(topic + ".dlq", 100);
    assertThat(dead).hasSize(100);
    assertThat(dead)
        .extracting(
            r ->
                DlqHeaders.text(r.headers(), DlqHeaders.ORIGINAL_PARTITION).orElseThrow()
                    + "/"
                    + DlqHeaders.text(r.headers(), DlqHeaders.ORIGINAL_OFFSET).orElseThrow())
        .doesNotHaveDuplicates();
    for (ConsumerRecord<byte[], byte[]> record : dead) {
      String key = new String(record.key(), StandardCharsets.UTF_8);
      Poison kind = produced.poison().get(key);
      assertThat(kind).as("dead-lettered %s is a poison record", key).isNotNull();
      assertThat(record.value())
          .as("original bytes of %s", key)
          .isEqualTo(produced.values().get(key));
      assertThat(DlqHeaders.text(record.headers(), DlqHeaders.ERROR_REASON)).contains(kind.reason);
      assertThat(DlqHeaders.text(record.headers(), DlqHeaders.ORIGINAL_TOPIC)).contains(topic);
      assertThat(DlqHeaders.text(record.headers(), DlqHeaders.ERROR_CLASS))
          .contains("dev.schemagate.sdk.SerdeException");
      assertThat(DlqHeaders.text(record.headers(), DlqHeaders.ERROR_MESSAGE)).isPresent();
      assertThat(DlqHeaders.text(record.headers(), DlqHeaders.ORIGINAL_TIMESTAMP)).isPresent();
      if (kind == Poison.CONTRACT_VIOLATION) {
        assertThat(DlqHeaders.text(record.headers(), DlqHeaders.FIELD_PATH)).contains("/score");
        assertThat(DlqHeaders.text(record.headers(), DlqHeaders.RULE)).contains("minimum");
      }
      if (kind == Poison.UNKNOWN_SCHEMA_ID) {
        assertThat(DlqHeaders.text(record.headers(), DlqHeaders.SCHEMA_ID)).contains("987654");
      }
    }
    assertThat(
            meters.find(SdkMetrics.DEAD_LETTERED).counters().stream()
                .mapToDouble(c -> c.count())
                .sum())
        .isEqualTo(100);
  }

  @Test
  void shouldLoseNothingWhenKilledBetweenTheDlqWriteAndTheCommit() throws Exception {
    String topic = SharedKafka.createTopic("crash", 1);
    SharedKafka.createTopicNamed(topic + ".dlq", 1);
    Produced produced = produce(topic, 300, 10);
    assertThat(produced.poison()).hasSize(30);
    var meters = new SimpleMeterRegistry();
    List<String> handled = new ArrayList<>();

    try (var doomed = consumer(topic, "g-" + topic, "instance-0", meters)) {
      // The DLQ writes of the batch are acknowledged before the handler runs; the handler "dies".
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThatThrownBy(
                          () ->
                              doomed.poll(
                                  Duration.ofMillis(200),
                                  r -> {
                                    throw new SimulatedCrash();
                                  }))
                      .isInstanceOf(SimulatedCrash.class));
    }
    int written =
        Clients.readAll(
                topic + ".dlq",
                1,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                false)
            .size();
    assertThat(written).as("DLQ records written (acknowledged) before the crash").isPositive();

    AtomicInteger total = new AtomicInteger();
    try (var successor = consumer(topic, "g-" + topic, "instance-0", meters)) {
      pollUntil(successor, handled, total, 300);
    }

    assertThat(handled).hasSize(270).doesNotHaveDuplicates();
    var dead = Clients.readRaw(topic + ".dlq", 30);
    assertThat(dead).hasSize(30);
    assertThat(
            dead.stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8))
                .collect(Collectors.toSet()))
        .isEqualTo(produced.poison().keySet());
    assertThat(
            meters.find(SdkMetrics.DEAD_LETTERED).counters().stream()
                .mapToDouble(c -> c.count())
                .sum())
        .as("the crashed batch's aborted DLQ writes are not counted")
        .isEqualTo(30);
  }

  @Test
  void shouldReplayDeadLetteredRecordsToTheirOriginalTopicOnce() throws Exception {
    String topic = SharedKafka.createTopic("replay", 1);
    SharedKafka.createTopicNamed(topic + ".dlq", 1);
    Produced produced = produce(topic, 40, 10);
    List<String> handled = new ArrayList<>();
    try (var consumer = consumer(topic, "g-" + topic, "instance-0", new SimpleMeterRegistry())) {
      pollUntil(consumer, handled, new AtomicInteger(), 40);
    }

    try (var replayer =
        new DlqReplayer(
            SharedKafka.bootstrapServers(),
            topic + ".dlq",
            new DlqReplayer.Target.Original(),
            "replay-" + topic,
            Map.of())) {
      assertThat(replayer.replay(Duration.ofSeconds(2), Long.MAX_VALUE))
          .isEqualTo(new DlqReplayer.Summary(4, 0));
      assertThat(replayer.replay(Duration.ofSeconds(1), Long.MAX_VALUE))
          .as("a second replay re-sends nothing")
          .isEqualTo(new DlqReplayer.Summary(0, 0));
    }

    String retry = SharedKafka.createTopic("retry", 1);
    try (var replayer =
        new DlqReplayer(
            SharedKafka.bootstrapServers(),
            topic + ".dlq",
            new DlqReplayer.Target.Topic(retry),
            "replay-to-" + retry,
            Map.of())) {
      assertThat(replayer.replay(Duration.ofSeconds(2), 3))
          .isEqualTo(new DlqReplayer.Summary(3, 0));
      assertThat(replayer.replay(Duration.ofSeconds(2), 3))
          .as("a limited replay resumes where it stopped")
          .isEqualTo(new DlqReplayer.Summary(1, 0));
    }
    assertThat(Clients.readRaw(retry, 4)).hasSize(4);

    var all = Clients.readRaw(topic, 44);
    assertThat(all).hasSize(44);
    var replayed = all.subList(40, 44);
    for (var record : replayed) {
      String key = new String(record.key(), StandardCharsets.UTF_8);
      assertThat(produced.poison()).containsKey(key);
      assertThat(record.value()).isEqualTo(produced.values().get(key));
      assertThat(DlqHeaders.text(record.headers(), DlqHeaders.REPLAYED_FROM))
          .hasValueSatisfying(v -> assertThat(v).startsWith(topic + ".dlq/0/"));
      assertThat(record.headers().lastHeader(DlqHeaders.ERROR_REASON)).isNull();
    }
  }
}
