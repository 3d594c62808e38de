package dev.schemagate.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.sdk.drift.DriftConsumer;
import dev.schemagate.sdk.drift.DriftMonitor;
import dev.schemagate.sdk.drift.DriftMonitorTest;
import dev.schemagate.sdk.drift.DriftThresholds;
import dev.schemagate.sdk.drift.FieldDrift;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
