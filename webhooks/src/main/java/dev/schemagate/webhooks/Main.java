package dev.schemagate.webhooks;

import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.config.Settings;
import dev.schemagate.core.config.Startup;
import dev.schemagate.core.schema.Schemas;
import dev.schemagate.crds.KubernetesConfigs;
import dev.schemagate.server.tls.TlsException;
import dev.schemagate.webhooks.kubernetes.KubernetesClusterReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar schemagate-webhooks.jar [--help]}: configured by environment variables (see
 * {@link WebhookConfig}); exits 2 with a one-line reason when the configuration or the TLS files
 * are unusable.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final String PROGRAM = "schemagate-webhooks";

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    // The JDK server's own guards against slow clients: a request must arrive within 10 s.
    System.setProperty("sun.net.httpserver.maxReqTime", "10");
    System.setProperty("sun.net.httpserver.maxRspTime", "10");
    WebhookConfig config =
        Startup.configure(
            PROGRAM,
            WebhookConfig.USAGE,
            args,
            () -> WebhookConfig.from(Settings.of(System.getenv())));
    // deadline and metrics port, read the same way (a bad value: one line, exit 2)
    AdmissionSettings admission =
        Startup.configure(
            PROGRAM,
            WebhookConfig.USAGE,
            args,
            () -> AdmissionSettings.from(Settings.of(System.getenv())));
    // The operator's configuration: no kubeconfig re-read before every request, HTTP/1.1.
    KubernetesClient kubernetes =
        new KubernetesClientBuilder().withConfig(KubernetesConfigs.load()).build();
    Webhooks webhooks;
    try {
      webhooks =
          new Webhooks(
              config,
              admission,
              new KubernetesClusterReader(kubernetes, config.registryTimeout()),
              Schemas.parser(),
              Compatibility.checker());
    } catch (TlsException | IOException failed) {
      Startup.fail(PROGRAM, failed.getMessage(), System.err);
      kubernetes.close();
      System.exit(Startup.BAD_CONFIGURATION);
      return;
    }
    LOG.info(
        "admission webhooks on https://0.0.0.0:{} (registry {}, fail {}, environments {})",
        webhooks.port(),
        config.registryUrl(),
        config.failurePolicy().name().toLowerCase(java.util.Locale.ROOT),
        config.environments());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  webhooks.close();
                  kubernetes.close();
                  stopped.countDown();
                }));
    stopped.await();
  }
}
