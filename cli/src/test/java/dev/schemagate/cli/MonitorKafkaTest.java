package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.drift.LatestDrift;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.avro.AvroSerializer;
import dev.schemagate.sdk.it.SharedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schemagate monitor} end to end: Avro records on a real broker, the thresholds of a
 * DataContract found by name, and the drift reports recorded in the real registry.
 */
@ExtendWith(SharedKafka.class)
class MonitorKafkaTest {
  private static final String ORDER =
      """
      {"type": "record", "name": "MonitoredOrder", "namespace": "shop", "fields": [
        {"name": "amount", "type": "double"},
        {"name": "currency", "type": "string"},
        {"name": "customer", "type": {"type": "record", "name": "MonitoredCustomer", "fields": [
          {"name": "country", "type": ["null", "string"], "default": null}]}}]}""";

  static RunningRegistry registry;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    registry = RegistryConfig.forTests().start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  /** amount ~ N(100, 15) then N(100, 15) again: only customer.country changes after 1000. */
  private static void produce(String topic) {
    Schema schema = new Schema.Parser().parse(ORDER);
    Random random = new Random(21);
    try (var serializer = new AvroSerializer<GenericRecord>();
        var producer =
            new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", SharedKafka.bootstrapServers()),
                new StringSerializer(),
                serializer)) {
      serializer.configure(
          Map.of(SdkConfig.REGISTRY_URL, registry.url(), SdkConfig.AUTO_REGISTER, true), false);
      for (int i = 0; i < 2000; i++) {
        GenericRecord customer = new GenericData.Record(schema.getField("customer").schema());
        // after the baseline, 3 % of customers come from a country the baseline never saw
        customer.put("country", i >= 1000 && i % 33 == 0 ? "NZ" : i % 2 == 0 ? "DE" : "FR");
        GenericRecord order = new GenericData.Record(schema);
        order.put("amount", 100 + 15 * random.nextGaussian());
        order.put("currency", random.nextDouble() < 0.7 ? "EUR" : "USD");
        order.put("customer", customer);
        producer.send(new ProducerRecord<>(topic, "k", order));
      }
      producer.flush();
    }
  }

  @Test
  void shouldApplyTheContractsPerFieldThresholdToAvroRecordsAndRecordTheBreach() throws Exception {
    String topic = SharedKafka.createTopic("monitored", 1);
    produce(topic);
    Files.createDirectories(dir.resolve("contracts"));
    // 3 % new countries: under the default share (5 %), over this contract's 2 % for the field
    Files.writeString(
        dir.resolve("contracts/orders.yaml"),
        """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataContract
        metadata: {name: orders, namespace: shop}
        spec:
          schemaRef: orders
          owner: {team: payments}
          drift:
            window: 500
            step: 100
            fields:
              - {field: customer.country, newCategoryShare: 0.02}
        """);

    CliRun run =
        CliRun.of(
            "monitor",
            "--bootstrap-servers",
            SharedKafka.bootstrapServers(),
            "--topic",
            topic,
            "--contract",
            "orders",
            "--contracts-dir",
            dir.resolve("contracts").toString(),
            "--registry",
            registry.url(),
            "--idle-timeout",
            "PT5S");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("DRIFT customer.country: new_category")
        .doesNotContain("amount:")
        .contains("monitored 2000 records of " + topic + " (0 unreadable)")
        .contains("drift report recorded in " + registry.url());
    try (SchemaRegistryClient client = SchemaRegistryClient.builder(registry.url()).build()) {
      LatestDrift latest = client.drift().latest("shop", "orders").orElseThrow();
      assertThat(latest.verdict()).isEqualTo("BREACHED");
      assertThat(latest.source()).isEqualTo(topic);
      assertThat(latest.breaches())
          .extracting(b -> b.field() + " " + b.test() + " " + b.threshold())
          .containsExactly("customer.country new_category 0.02");
    }
  }

  @Test
  void shouldServeTheBreachesAsMetricsWhileMonitoring() throws Exception {
    String topic = SharedKafka.createTopic("monitored-metrics", 1);
    produce(topic);
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    java.util.concurrent.CompletableFuture<CliRun> run =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                CliRun.of(
                    "monitor",
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--topic",
                    topic,
                    "--registry",
                    registry.url(),
                    "--window",
                    "500",
                    "--step",
                    "100",
                    "--new-category-share",
                    "0.02",
                    "--metrics-port",
                    String.valueOf(port),
                    "--idle-timeout",
                    "PT20S"));
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.URI metrics = java.net.URI.create("http://127.0.0.1:" + port + "/metrics");

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                        java.net.http.HttpRequest.newBuilder(metrics).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body()
                    .contains(
                        "schemagate_drift_breaches_total{field=\"customer.country\",test=\"new_category\"}"));

    assertThat(run.get(60, java.util.concurrent.TimeUnit.SECONDS).exitCode()).isEqualTo(1);
  }

  /**
   * A registry that takes connections and never answers: a drift report sent to it waits for the
   * client's whole budget (10 s).
   */
  static final class SilentRegistry implements AutoCloseable {
    final java.net.ServerSocket socket = new java.net.ServerSocket(0);
    final java.util.List<java.net.Socket> held =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    SilentRegistry() throws java.io.IOException {
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                try {
                  while (true) {
                    held.add(socket.accept());
                  }
                } catch (java.io.IOException closed) {
                  // the test is over
                }
              });
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws java.io.IOException {
      socket.close();
      for (java.net.Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void shouldKeepConsumingWhileTheRegistryDoesNotTakeTheDriftReport() throws Exception {
    String topic = SharedKafka.createTopic("monitored-silent-registry", 1);
    Random random = new Random(7);
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", SharedKafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < 2000; i++) {
        // the amounts shift after the baseline: every comparison breaches
        double amount = (i < 200 ? 100 : 160) + 15 * random.nextGaussian();
        producer.send(new ProducerRecord<>(topic, "k", "{\"amount\": " + amount + "}"));
      }
      producer.flush();
    }
    Files.createDirectories(dir.resolve("contracts"));
    Files.writeString(
        dir.resolve("contracts/payments.yaml"),
        """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataContract
        metadata: {name: payments, namespace: shop}
        spec:
          schemaRef: payments
          owner: {team: payments}
          drift: {window: 200, step: 100}
        """);
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (SilentRegistry silent = new SilentRegistry()) {
      java.util.concurrent.CompletableFuture<CliRun> run =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () ->
                  CliRun.of(
                      "monitor",
                      "--bootstrap-servers",
                      SharedKafka.bootstrapServers(),
                      "--topic",
                      topic,
                      "--contract",
                      "payments",
                      "--contracts-dir",
                      dir.resolve("contracts").toString(),
                      "--registry",
                      silent.url(),
                      "--metrics-port",
                      String.valueOf(port),
                      "--max-records",
                      "2000",
                      "--idle-timeout",
                      "PT30S"));
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(60))
          .until(() -> !silent.held.isEmpty()); // the first report is on its way, unanswered
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.net.URI metrics = java.net.URI.create("http://127.0.0.1:" + port + "/metrics");

      // well inside the 10 s the registry client waits: the comparisons after the first go on
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(7))
          .ignoreExceptions()
          .until(
              () ->
                  breaches(
                          http.send(
                                  java.net.http.HttpRequest.newBuilder(metrics).build(),
                                  java.net.http.HttpResponse.BodyHandlers.ofString())
                              .body())
                      >= 15);

      CliRun done = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(done.exitCode()).isEqualTo(1);
      assertThat(done.out()).contains("monitored 2000 records of " + topic);
      assertThat(done.err()).contains("drift report not recorded in " + silent.url());
    }
  }

  /** The ks breaches counted so far of field amount, from Prometheus text. */
  private static double breaches(String scrape) {
    return scrape
        .lines()
        .filter(l -> l.startsWith("schemagate_drift_breaches_total{field=\"amount\",test=\"ks\"}"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }

  @Test
  void shouldSayAvroNeedsTheRegistryWhenNoneIsGiven() throws Exception {
    String topic = SharedKafka.createTopic("monitored-no-registry", 1);
    produce(topic);

    CliRun run =
        CliRun.of(
            "monitor",
            "--bootstrap-servers",
            SharedKafka.bootstrapServers(),
            "--topic",
            topic,
            "--registry",
            "",
            "--window",
            "100",
            "--step",
            "50",
            "--idle-timeout",
            "PT5S");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains(
            "monitored 2000 records of "
                + topic
                + " (2000 unreadable, first: a wire-format value that is not JSON (Avro needs"
                + " --registry))");
  }
}
