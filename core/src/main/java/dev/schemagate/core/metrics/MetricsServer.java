package dev.schemagate.core.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.schemagate.core.config.Startup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Plain-HTTP {@code GET /metrics} (Prometheus text format) and {@code /healthz} on a port of their
 * own, shared by the operator and the webhooks: Prometheus scrapes without the webhook's TLS
 * certificate, and a scrape never queues behind admissions. Anything else gets the error body every
 * schemagate server uses. It lives in core because both servers depend on core and it needs only
 * the JDK's HTTP server; the scrape is a supplier so core stays free of Micrometer.
 */
public final class MetricsServer implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
          });

  /**
   * Binds {@code port} (0 for an ephemeral one) and starts serving.
   *
   * @param scrape the current metrics in the Prometheus text format, e.g. {@code meters::scrape}
   */
  public MetricsServer(int port, Supplier<String> scrape) throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 16);
    server.createContext(
        "/metrics", exchange -> getOnly(exchange, "/metrics", PROMETHEUS_TEXT, scrape));
    server.createContext(
        "/healthz", exchange -> getOnly(exchange, "/healthz", "text/plain", () -> "ok\n"));
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            reply(
                exchange,
                404,
                "application/json",
                Startup.errorBody(
                    404,
                    "no such path: %s (this port serves /metrics and /healthz)"
                        .formatted(exchange.getRequestURI().getPath())));
          }
        });
    server.setExecutor(worker);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void getOnly(
      HttpExchange exchange, String path, String type, Supplier<String> body) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        reply(
            exchange,
            405,
            "application/json",
            Startup.errorBody(
                405,
                "method %s not allowed: %s answers GET only"
                    .formatted(exchange.getRequestMethod(), path)));
        return;
      }
      reply(exchange, 200, type, body.get());
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    worker.shutdownNow();
  }
}
