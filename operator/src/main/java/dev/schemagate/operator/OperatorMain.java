package dev.schemagate.operator;

import dev.schemagate.core.config.Startup;
import dev.schemagate.core.metrics.MetricsServer;
import dev.schemagate.crds.KubernetesConfigs;
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
  private static final String PROGRAM = "schemagate-operator";

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    OperatorConfig config =
        Startup.configure(
            PROGRAM, OperatorConfig.USAGE, args, () -> OperatorConfig.fromEnv(System.getenv()));
    OperatorSettings settings = config.operator();
    var meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    KubernetesClient kubernetes =
        new KubernetesClientBuilder().withConfig(KubernetesConfigs.load()).build();
    SchemaRegistryClient registry =
        SchemaRegistryClient.builder(settings.registryUrl())
            .access(config.registryAccess())
            .requestTimeout(settings.registryTimeout())
            .maxBlock(settings.registryTimeout().multipliedBy(2))
            .latestTtl(java.time.Duration.ZERO)
            .build();
    MetricsServer metrics = null;
    if (settings.metricsPort() >= 0) {
      try {
        metrics = new MetricsServer(settings.metricsPort(), meters::scrape);
      } catch (java.io.IOException e) {
        Startup.fail(
            PROGRAM,
            "cannot serve metrics on port %d (%s); set SCHEMAGATE_METRICS_PORT to a free port, or -1"
                .formatted(settings.metricsPort(), e.getMessage()),
            System.err);
        System.exit(Startup.BAD_CONFIGURATION);
        return;
      }
    }
    MetricsServer served = metrics;
    var operator = new SchemaGateOperator(kubernetes, registry, meters, config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  operator.close();
                  registry.close();
                  kubernetes.close();
                  if (served != null) {
                    served.close();
                  }
                  stopped.countDown();
                }));
    try {
      operator.start();
    } catch (RuntimeException e) {
      // e.g. no reachable API server, or the CRDs are not installed: say so in one line.
      System.err.println(
          "schemagate-operator: cannot start against "
              + kubernetes.getMasterUrl()
              + ": "
              + rootMessage(e));
      Runtime.getRuntime().halt(1);
    }
    log.info(
        "schemagate operator started: registry {}, namespaces {}, environments {}, metrics port {}",
        settings.registryUrl(),
        settings.watchNamespaces().isEmpty() ? "all" : settings.watchNamespaces(),
        config.promotions().environments(),
        settings.metricsPort());
    stopped.await();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String detail =
        root.getClass().getSimpleName()
            + (root.getMessage() == null ? "" : ": " + root.getMessage());
    return root == e ? detail : e.getMessage() + " (" + detail + ")";
  }
}
