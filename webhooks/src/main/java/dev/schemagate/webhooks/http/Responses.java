package dev.schemagate.webhooks.http;

import com.sun.net.httpserver.HttpExchange;
import dev.schemagate.core.config.Startup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes JSON answers: AdmissionReviews, and errors in the body every schemagate server uses,
 * {@code {"error_code": ..., "message": ...}}.
 */
final class Responses {
  private Responses() {}

  static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, Startup.errorBody(status, message).getBytes(StandardCharsets.UTF_8));
  }
}
