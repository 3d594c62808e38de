package dev.schemagate.registry.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable HTTP server standing in for a registry, for fault injection: each request takes the
 * next scripted reply, or the fallback once the script is used up.
 */
final class FakeRegistry implements AutoCloseable {
  record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  @FunctionalInterface
  interface Reply {
    void answer(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Reply fallback =
      json(404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
  final List<Request> requests = new CopyOnWriteArrayList<>();

  private FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(
                new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            Reply reply = script.poll();
            (reply == null ? fallback : reply).answer(exchange);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
  }

  static FakeRegistry start() throws IOException {
    return new FakeRegistry();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeRegistry then(Reply reply) {
    script.add(reply);
    return this;
  }

  FakeRegistry then(int status, String body) {
    return then(json(status, body));
  }

  FakeRegistry always(int status, String body) {
    fallback = json(status, body);
    return this;
  }

  FakeRegistry always(Reply reply) {
    fallback = reply;
    return this;
  }

  Request last() {
    return requests.getLast();
  }

  static Reply json(int status, String body) {
    return json(status, body, Map.of());
  }

  static Reply json(int status, String body, Map<String, String> headers) {
    return exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", RegistryTransport.CONTENT_TYPE);
      headers.forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    };
  }

  /** Answers only when the server closes: a registry that accepted the connection and hangs. */
  Reply hang() {
    return exchange -> {
      closing.await(30, TimeUnit.SECONDS);
      exchange.sendResponseHeaders(503, -1);
    };
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
