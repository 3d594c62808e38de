package dev.schemagate.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.avro.AvroSerializer;
import dev.schemagate.sdk.drift.DriftConsumer;
import dev.schemagate.sdk.drift.DriftMonitor;
import dev.schemagate.sdk.drift.DriftMonitorTest;
import dev.schemagate.sdk.drift.DriftThresholds;
import dev.schemagate.sdk.drift.FieldDrift;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The drift monitor fed from a real broker. */
@ExtendWith(SharedKafka.class)
class DriftConsumerIT {
  private static void produce(String topic, int steady, int drifted) {
    Random random = new Random(3);
    try (var producer =
        new KafkaProducer<String, String>(
            Map.of("bootstrap.servers", SharedKafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < steady + drifted; i++) {
        String value =
            i < steady
                ? DriftMonitorTest.order(random, 100, null, 0.1).toString()
                : DriftMonitorTest.order(random, 140, "CHF", 0.6).toString();
        producer.send(new ProducerRecord<>(topic, value));
      }
      producer.send(new ProducerRecord<>(topic, "not json"));
      producer.flush();
    }
  }

  private static List<List<FieldDrift>> consume(String topic, SimpleMeterRegistry metrics) {
    List<List<FieldDrift>> breaches = new ArrayList<>();
    DriftMonitor monitor =
        new DriftMonitor(500, 100, DriftThresholds.DEFAULTS, metrics, breaches::add);
    DriftConsumer.Summary summary =
        DriftConsumer.run(
            Map.of("bootstrap.servers", SharedKafka.bootstrapServers(), "group.id", topic + "-g"),
            topic,
            monitor,
            Long.MAX_VALUE,
            Duration.ofSeconds(5),
            new long[1]);
    assertThat(summary.skipped()).isEqualTo(1);
    return breaches;
  }

  private static final String ORDER_AVRO =
      """
      {"type": "record", "name": "DriftOrder", "namespace": "test", "fields": [
        {"name": "amount", "type": "double"},
        {"name": "currency", "type": "string"},
        {"name": "customer", "type": {"type": "record", "name": "DriftCustomer", "fields": [
          {"name": "coupon", "type": ["null", "string"], "default": null}]}}]}""";

  @Test
  void shouldReportDriftOnAnAvroTopicWithNestedFieldsAsDottedPaths() throws Exception {
    String topic = SharedKafka.createTopic("drifting-avro", 1);
    try (RunningRegistry registry = RegistryConfig.forTests().start()) {
      Map<String, Object> serde = new HashMap<>();
      serde.put(SdkConfig.REGISTRY_URL, registry.url());
      serde.put(SdkConfig.AUTO_REGISTER, true);
      Schema schema = new Schema.Parser().parse(ORDER_AVRO);
      Random random = new Random(4);
      try (var serializer = new AvroSerializer<GenericRecord>();
          var producer = Clients.producer(new StringSerializer(), serializer)) {
        serializer.configure(serde, false);
        for (int i = 0; i < 2000; i++) {
          boolean drifted = i >= 1000;
          GenericRecord customer = new GenericData.Record(schema.getField("customer").schema());
          customer.put("coupon", random.nextDouble() < (drifted ? 0.6 : 0.1) ? null : "SAVE10");
          GenericRecord order = new GenericData.Record(schema);
          order.put("amount", (drifted ? 140 : 100) + 15 * random.nextGaussian());
          order.put("currency", random.nextDouble() < 0.7 ? "EUR" : drifted ? "CHF" : "USD");
          order.put("customer", customer);
          producer.send(new ProducerRecord<>(topic, "k", order));
        }
        producer.flush();
      }
      List<List<FieldDrift>> breaches = new ArrayList<>();
      Map<String, Object> props = new HashMap<>(serde);
      props.put("bootstrap.servers", SharedKafka.bootstrapServers());
      props.put("group.id", topic + "-g");
      DriftMonitor monitor =
          new DriftMonitor(
              500, 100, DriftThresholds.DEFAULTS, new SimpleMeterRegistry(), breaches::add);

      DriftConsumer.Summary summary =
          DriftConsumer.run(
              props, topic, monitor, Long.MAX_VALUE, Duration.ofSeconds(5), new long[1]);

      assertThat(summary.records()).isEqualTo(2000);
      assertThat(summary.skipped()).isZero();
      List<String> breached = new ArrayList<>();
      breaches
          .getLast()
          .forEach(f -> f.breaches().forEach(b -> breached.add(f.field() + " " + b.test())));
      assertThat(breached)
          .contains("amount ks", "customer.coupon null_rate", "currency new_category");
    }
  }

  @Test
  void shouldStayQuietOnATopicWhoseDataKeepsItsShape() throws Exception {
    String topic = SharedKafka.createTopic("steady", 1);
    produce(topic, 2000, 0);

    assertThat(consume(topic, new SimpleMeterRegistry())).isEmpty();
  }

  @Test
  void shouldReportTheFieldsThatDriftedOnATopic() throws Exception {
    String topic = SharedKafka.createTopic("drifting", 1);
    produce(topic, 1000, 1000);
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    List<List<FieldDrift>> breaches = consume(topic, metrics);

    assertThat(breaches).isNotEmpty();
    List<String> breached = new ArrayList<>();
    breaches
        .getLast()
        .forEach(f -> f.breaches().forEach(b -> breached.add(f.field() + " " + b.test())));
    assertThat(breached).contains("amount ks", "coupon null_rate", "currency psi");
    assertThat(
            metrics
                .counter("schemagate_drift_breaches_total", "field", "coupon", "test", "null_rate")
                .count())
        .isGreaterThan(0);
  }
}
