package dev.schemagate.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.SerdeException.Reason;
import dev.schemagate.sdk.avro.AvroDeserializer;
import dev.schemagate.sdk.avro.AvroSerializer;
import dev.schemagate.sdk.dlq.DeadLetterConsumer;
import dev.schemagate.sdk.fixtures.Customer;
import dev.schemagate.sdk.fixtures.Order;
import dev.schemagate.sdk.fixtures.OrderStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry stops mid-stream: cached schemas keep flowing, new ones fail fast and clearly. */
@ExtendWith(SharedKafka.class)
class RegistryOutageIT {

  private static Order order(int i) {
    return Order.newBuilder()
        .setId("o-" + i)
        .setAmount(i)
        .setQuantity(1)
        .setStatus(OrderStatus.NEW)
        .setCustomer(Customer.newBuilder().setEmail("c@example.com").build())
        .setCreatedAt(i)
        .build();
  }

  @Test
  void shouldKeepCachedSchemasFlowingAndFailNewOnesFastWhileTheRegistryIsDown() throws Exception {
    String topic = SharedKafka.createTopic("outage", 1);
    RunningRegistry registry = RegistryConfig.forTests().start();
    try (var client = SchemaRegistryClient.builder(registry.url()).build()) {
      client.register(
          topic + "-value",
          SchemaSubmission.of(SchemaFormat.AVRO, Order.getClassSchema().toString()),
          false);
    }
    var config =
        Map.<String, Object>of(
            SdkConfig.REGISTRY_URL,
            registry.url(),
            SdkConfig.REGISTRY_MAX_BLOCK_MS,
            1_000,
            SdkConfig.SPECIFIC_AVRO_READER,
            true);
    var serializer = new AvroSerializer<Object>();
    serializer.configure(config, false);
    var deserializer = new AvroDeserializer<Order>();
    deserializer.configure(config, false);
    List<Order> received = new ArrayList<>();

    try (var producer = Clients.producer(new StringSerializer(), serializer);
        var consumer =
            new KafkaConsumer<>(
                Map.<String, Object>of("bootstrap.servers", SharedKafka.bootstrapServers()),
                new StringDeserializer(),
                deserializer)) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
      send(producer, topic, 0, 100);
      readUntil(consumer, received, 100);

      registry.close();

      send(producer, topic, 100, 200);
      readUntil(consumer, received, 200);
      assertThat(received)
          .extracting(Order::getId)
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, 200).mapToObj(i -> "o-" + i).toList());

      Schema payment = SchemaBuilder.record("Payment").fields().requiredString("id").endRecord();
      GenericRecord newType = new GenericData.Record(payment);
      newType.put("id", "p-1");
      long start = System.nanoTime();
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "p", newType)))
          .isInstanceOfSatisfying(
              SerdeException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
                assertThat(e.getMessage())
                    .contains("subject '%s-value' is not cached".formatted(topic));
              });
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("bounded by schemagate.registry.max.block.ms, with room for a loaded machine")
          .isLessThan(Duration.ofSeconds(5));
      // Within the fail-fast window the next attempt does not even try the network.
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "p", newType)))
          .hasMessageContaining("failing fast");

      // A consumer that has not cached the schema must not dead-letter good records: it stops.
      SharedKafka.createTopicNamed(topic + ".dlq", 1);
      var fresh = new AvroDeserializer<Order>();
      fresh.configure(config, false);
      try (var guarded =
          DeadLetterConsumer.builder(
                  Map.<String, Object>of(
                      "bootstrap.servers",
                      SharedKafka.bootstrapServers(),
                      "group.id",
                      "g-" + topic,
                      "client.id",
                      "outage-0",
                      "auto.offset.reset",
                      "earliest"),
                  new StringDeserializer(),
                  fresh)
              .build()) {
        guarded.subscribe(List.of(topic));
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThatThrownBy(() -> guarded.poll(Duration.ofMillis(200), r -> {}))
                        .isInstanceOfSatisfying(
                            SerdeException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE)));
      }
      assertThat(Clients.endOffsets(topic + ".dlq"))
          .as("nothing written to the DLQ during the outage")
          .isZero();
    } finally {
      registry.close();
    }
  }

  @Test
  void shouldDeadLetterUncachedRecordsWithTheReasonOnceTheGraceIsOver() throws Exception {
    String topic = SharedKafka.createTopic("outage-grace", 1);
    SharedKafka.createTopicNamed(topic + ".dlq", 1);
    RunningRegistry registry = RegistryConfig.forTests().start();
    var config =
        Map.<String, Object>of(
            SdkConfig.REGISTRY_URL,
            registry.url(),
            SdkConfig.AUTO_REGISTER,
            true,
            SdkConfig.REGISTRY_MAX_BLOCK_MS,
            500);
    var serializer = new AvroSerializer<Object>();
    serializer.configure(config, false);
    try (var producer = Clients.producer(new StringSerializer(), serializer)) {
      send(producer, topic, 0, 10);
    }
    registry.close();

    var fresh = new AvroDeserializer<Object>();
    fresh.configure(config, false);
    var unavailableFirst = new java.util.concurrent.atomic.AtomicInteger();
    var deadLettered = new java.util.concurrent.atomic.AtomicInteger();
    try (var consumer =
        DeadLetterConsumer.builder(
                Map.<String, Object>of(
                    "bootstrap.servers",
                    SharedKafka.bootstrapServers(),
                    "group.id",
                    "g-" + topic,
                    "client.id",
                    "grace-0",
                    "auto.offset.reset",
                    "earliest"),
                new StringDeserializer(),
                fresh)
            .deadLetterWhenRegistryUnavailableFor(Duration.ofSeconds(1))
            .build()) {
      consumer.subscribe(List.of(topic));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                try {
                  deadLettered.addAndGet(
                      consumer.poll(Duration.ofMillis(200), r -> {}).deadLettered());
                } catch (SerdeException e) {
                  assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
                  unavailableFirst.incrementAndGet();
                }
                return deadLettered.get() >= 10;
              });
    }
    assertThat(unavailableFirst.get()).as("retried before the grace was over").isPositive();
    var dlq = Clients.readRaw(topic + ".dlq", 10);
    assertThat(dlq).hasSize(10);
    assertThat(dlq)
        .allSatisfy(
            r ->
                assertThat(
                        dev.schemagate.sdk.dlq.DlqHeaders.text(
                            r.headers(), dev.schemagate.sdk.dlq.DlqHeaders.ERROR_REASON))
                    .contains("REGISTRY_UNAVAILABLE"));
  }

  private static void send(
      org.apache.kafka.clients.producer.KafkaProducer<String, Object> producer,
      String topic,
      int from,
      int to)
      throws Exception {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (int i = from; i < to; i++) {
      sends.add(producer.send(new ProducerRecord<>(topic, "k" + i, order(i))));
    }
    for (var send : sends) {
      send.get();
    }
  }

  private static void readUntil(
      KafkaConsumer<String, Order> consumer, List<Order> received, int count) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(100)).forEach(r -> received.add(r.value()));
              return received.size() >= count;
            });
  }
}
