package dev.schemagate.webhooks.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.schemagate.webhooks.admission.AdmissionCodec;
import dev.schemagate.webhooks.admission.AdmissionReviewer;
import dev.schemagate.webhooks.admission.FailurePolicy;
import dev.schemagate.webhooks.metrics.AdmissionMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTPS server: the JDK's own {@code HttpsServer} on virtual threads. An admission call is one
 * small POST, so a full web framework buys nothing here, while the JDK server adds no dependency,
 * starts in milliseconds and takes the reloading TLS context as it is.
 */
public final class WebhookServer implements AutoCloseable {
  private final HttpsServer server;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ReviewDeadline deadline;
  private static final int MAX_REVIEWS_IN_FLIGHT = 256;

  /**
   * Starts serving on {@code port} (0 for any free port).
   *
   * @param reviewers one per kind; each answers at {@code /validate/<kind, lowercase, plural>}
   */
  public WebhookServer(
      int port,
      SSLContext tls,
      List<AdmissionReviewer> reviewers,
      FailurePolicy failurePolicy,
      int maxBody,
      Duration reviewDeadline,
      AdmissionMetrics metrics)
      throws IOException {
    // Most of a review waits on the registry, so many may run at once; the bound only keeps
    // abandoned CPU-bound checks (each itself bounded by the schema limits) from piling up.
    deadline = new ReviewDeadline(reviewDeadline, MAX_REVIEWS_IN_FLIGHT);
    server = HttpsServer.create(new InetSocketAddress(port), 128);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters ssl = tls.getDefaultSSLParameters();
            ssl.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            params.setSSLParameters(ssl);
          }
        });
    AdmissionCodec codec = new AdmissionCodec();
    for (AdmissionReviewer reviewer : reviewers) {
      server.createContext(
          path(reviewer.kind()),
          new AdmissionEndpoint(reviewer, codec, failurePolicy, maxBody, deadline, metrics));
    }
    server.createContext("/healthz", Probes.OK);
    // Ready as soon as it serves TLS: a registry outage is answered by the failure policy, which
    // needs the webhook up; taking it out of the Service would turn every answer into a timeout.
    server.createContext("/readyz", Probes.OK);
    server.createContext("/", Probes.NOT_FOUND);
    server.setExecutor(workers);
    server.start();
  }

  /** {@code DataSchema} is served at {@code /validate/dataschemas}. */
  public static String path(String kind) {
    return "/validate/" + kind.toLowerCase(Locale.ROOT) + "s";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    deadline.close();
  }
}
