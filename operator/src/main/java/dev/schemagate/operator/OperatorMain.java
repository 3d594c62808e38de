package dev.schemagate.operator;

import dev.schemagate.registry.client.SchemaRegistryClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar schemagate-operator.jar}: runs against the current kubeconfig or in-cluster. */
public final class OperatorMain {
  private static final Logger log = LoggerFactory.getLogger(OperatorMain.class);

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    OperatorSettings settings;
    try {
      settings = OperatorSettings.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("schemagate-operator: " + e.getMessage());
      System.exit(2);
      return;
    }
    var meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    KubernetesClient kubernetes = new KubernetesClientBuilder().build();
    SchemaRegistryClient registry =
        SchemaRegistryClient.builder(settings.registryUrl())
            .requestTimeout(settings.registryTimeout())
            .maxBlock(settings.registryTimeout().multipliedBy(2))
            .latestTtl(java.time.Duration.ZERO)
            .build();
    MetricsServer metrics =
        settings.metricsPort() < 0 ? null : new MetricsServer(settings.metricsPort(), meters);
    var operator = new SchemaGateOperator(kubernetes, registry, meters, settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  operator.close();
                  registry.close();
                  kubernetes.close();
                  if (metrics != null) {
                    metrics.close();
                  }
                  stopped.countDown();
                }));
    operator.start();
    log.info(
        "schemagate operator started: registry {}, namespaces {}, metrics port {}",
        settings.registryUrl(),
        settings.watchNamespaces().isEmpty() ? "all" : settings.watchNamespaces(),
        settings.metricsPort());
    stopped.await();
  }
}
