package dev.schemagate.operator.contract;

import com.sun.net.httpserver.HttpServer;
import dev.schemagate.core.config.Environments;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.DataSchemaSpec;
import dev.schemagate.crds.v1alpha1.SchemaFormatType;
import dev.schemagate.operator.OperatorFixture;
import dev.schemagate.operator.OperatorSettings;
import dev.schemagate.operator.promotion.PromotionSettings;
import dev.schemagate.operator.promotion.notify.NotificationSettings;
import dev.schemagate.registry.client.RegistryAccess;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything the contract and promotion tests run on, for real: the mock API server with the CRDs,
 * the DataSchema operator over the "dev" registry (from {@link OperatorFixture}), a second registry
 * for "staging", the lineage API of the dev registry, a web server that records Slack and PagerDuty
 * posts (and fails the first Slack post, so retries are exercised), and the DataContract and
 * Promotion controllers.
 */
public final class LineageOperatorFixture implements AutoCloseable {
  public final OperatorFixture base;
  public final RunningRegistry staging;
  public final SchemaRegistryClient stagingClient;
  public final HttpServer hooks;
  public final ConcurrentLinkedQueue<String> slack = new ConcurrentLinkedQueue<>();
  public final ConcurrentLinkedQueue<String> pagerDuty = new ConcurrentLinkedQueue<>();
  public final AtomicInteger slackAttempts = new AtomicInteger();
  public final int closedPort;

  /** The Promotion controller's retry timer in these tests. */
  public final LineageSettings lineageSettings;

  public final PromotionSettings promotionSettings;
  public static final Duration PROMOTION_RETRY = Duration.ofMinutes(10);

  private final Operator operator;
  private final LineageControllers controllers;

  private LineageOperatorFixture(KubernetesClient kubernetes) throws IOException {
    base = OperatorFixture.start(kubernetes, s -> s.withResync(Duration.ofSeconds(30)));
    staging = RegistryConfig.forTests().start();
    stagingClient = SchemaRegistryClient.builder(staging.url()).latestTtl(Duration.ZERO).build();
    hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hooks.createContext(
        "/slack",
        exchange -> {
          String body = read(exchange.getRequestBody());
          int attempt = slackAttempts.incrementAndGet();
          int status = attempt == 1 ? 503 : 200; // the first post fails: the notifier retries
          if (status == 200) {
            slack.add(body);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    hooks.createContext(
        "/pagerduty",
        exchange -> {
          pagerDuty.add(read(exchange.getRequestBody()));
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    hooks.start();
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort(); // closed once the probe is: nothing listens there
    }
    String hooksUrl = "http://127.0.0.1:" + hooks.getAddress().getPort();
    OperatorSettings settings = OperatorSettings.forTests(base.registryServer.url());
    LineageSettings lineage =
        new LineageSettings(base.registryServer.url(), "kafka", Optional.of("prod"));
    PromotionSettings promotions =
        new PromotionSettings(
            Environments.parse(
                "dev=%s,staging=%s,broken=http://127.0.0.1:%d"
                    .formatted(base.registryServer.url(), staging.url(), closedPort)),
            Duration.ofSeconds(2),
            // Longer than any test waits: a Promotion that moves on was woken by a watch, not
            // by this timer (PromotionReconcilerTest#shouldWakeAWaitingPromotion...).
            PROMOTION_RETRY,
            new NotificationSettings(
                Optional.of(URI.create(hooksUrl + "/slack")),
                Optional.of(URI.create(hooksUrl + "/pagerduty")),
                Optional.of("routing-key-1"),
                4,
                Duration.ofMillis(50)),
            RegistryAccess.none());
    this.lineageSettings = lineage;
    this.promotionSettings = promotions;
    operator =
        new Operator(
            o ->
                o.withKubernetesClient(kubernetes)
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(false)
                    .checkingCRDAndValidateLocalModel(false));
    controllers =
        LineageControllers.register(
            operator,
            kubernetes,
            base.registry,
            settings,
            lineage,
            promotions,
            RegistryAccess.none(),
            base.schemaChanges(),
            base.events());
    operator.start();
  }

  public static LineageOperatorFixture start(KubernetesClient kubernetes) throws IOException {
    return new LineageOperatorFixture(kubernetes);
  }

  public static String resource(String path) {
    try (InputStream in = LineageOperatorFixture.class.getResourceAsStream(path)) {
      return read(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  public static DataSchema avroSchema(String namespace, String name, String subject, String text) {
    DataSchema resource = new DataSchema();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    DataSchemaSpec spec = new DataSchemaSpec();
    spec.setSubject(subject);
    spec.setFormat(SchemaFormatType.AVRO);
    spec.setSchema(text);
    resource.setSpec(spec);
    return resource;
  }

  public static SchemaSubmission avro(String text) {
    return new SchemaSubmission(SchemaFormat.AVRO, text, List.of());
  }

  @Override
  public void close() throws IOException {
    operator.stop();
    controllers.close();
    hooks.stop(0);
    stagingClient.close();
    staging.close();
    base.close();
  }
}
