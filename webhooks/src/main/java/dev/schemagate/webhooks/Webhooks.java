package dev.schemagate.webhooks;

import dev.schemagate.core.compat.CompatibilityChecker;
import dev.schemagate.core.metrics.MetricsServer;
import dev.schemagate.core.review.PromotionReview;
import dev.schemagate.core.review.SchemaChangeReview;
import dev.schemagate.core.schema.SchemaParser;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.server.tls.ServerTls;
import dev.schemagate.server.tls.TlsException;
import dev.schemagate.webhooks.admission.AdmissionReviewer;
import dev.schemagate.webhooks.http.WebhookServer;
import dev.schemagate.webhooks.kubernetes.ClusterReader;
import dev.schemagate.webhooks.metrics.AdmissionMetrics;
import dev.schemagate.webhooks.registry.RegistryGateway;
import dev.schemagate.webhooks.resources.DataContractReviewer;
import dev.schemagate.webhooks.resources.DataSchemaReviewer;
import dev.schemagate.webhooks.resources.PromotionReviewer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The running webhook: its registries, its reviewers and its HTTPS server, wired once. */
public final class Webhooks implements AutoCloseable {
  private final List<RegistryGateway> gateways = new ArrayList<>();
  private final WebhookServer server;
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private MetricsServer metricsServer;

  public Webhooks(
      WebhookConfig config,
      ClusterReader cluster,
      SchemaParser parser,
      CompatibilityChecker checker)
      throws TlsException, IOException {
    this(config, AdmissionSettings.defaults(), cluster, parser, checker);
  }

  public Webhooks(
      WebhookConfig config,
      AdmissionSettings admission,
      ClusterReader cluster,
      SchemaParser parser,
      CompatibilityChecker checker)
      throws TlsException, IOException {
    RegistryGateway registry = gateway(config.registryUrl(), config, parser);
    Map<String, RegistryGateway> byEnvironment = new HashMap<>();
    for (String environment : config.environments().order()) {
      URI url = config.registryOf(environment);
      byEnvironment.put(
          environment, url.equals(config.registryUrl()) ? registry : gateway(url, config, parser));
    }
    List<AdmissionReviewer> reviewers =
        List.of(
            new DataSchemaReviewer(new SchemaChangeReview(parser, checker), registry, cluster),
            new DataContractReviewer(cluster, registry, parser),
            new PromotionReviewer(
                new PromotionReview(config.environments()), cluster, byEnvironment));
    try {
      server =
          new WebhookServer(
              config.port(),
              ServerTls.context(config.certFile(), config.keyFile()),
              reviewers,
              config.failurePolicy(),
              config.maxBodyBytes(),
              admission.reviewDeadline(),
              new AdmissionMetrics(meters));
      if (admission.metricsPort() >= 0) {
        metricsServer = new MetricsServer(admission.metricsPort(), meters::scrape);
      }
    } catch (TlsException | IOException | RuntimeException failed) {
      close();
      throw failed;
    }
  }

  private RegistryGateway gateway(URI url, WebhookConfig config, SchemaParser parser) {
    Duration timeout = config.registryTimeout();
    SchemaRegistryClient client =
        SchemaRegistryClient.builder(url.toString())
            .access(config.registryAccess())
            .connectTimeout(timeout)
            .requestTimeout(timeout)
            .maxBlock(timeout)
            // Every review revalidates the subject's latest version: a decision must not rest
            // on a history the registry has moved past (If-None-Match when the registry sends
            // an ETag).
            .latestTtl(Duration.ZERO)
            .build();
    RegistryGateway gateway =
        new RegistryGateway(url, client, parser, timeout, config.historyCacheTtl());
    gateways.add(gateway);
    return gateway;
  }

  public int port() {
    return server.port();
  }

  /** The plain-HTTP metrics port, if metrics are served. */
  public java.util.OptionalInt metricsPort() {
    return metricsServer == null
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(metricsServer.port());
  }

  /** The admission meters, as {@code /metrics} serves them (Prometheus text). */
  public String scrape() {
    return meters.scrape();
  }

  @Override
  public void close() {
    if (metricsServer != null) {
      metricsServer.close();
    }
    if (server != null) {
      server.close();
    }
    gateways.forEach(RegistryGateway::close);
  }
}
