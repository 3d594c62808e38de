package dev.schemagate.webhooks.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes JSON answers: AdmissionReviews, and {@code {"code": ..., "message": ...}} errors. */
final class Responses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Responses() {}

  static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("code", status).put("message", message);
    json(exchange, status, JSON.writeValueAsBytes(body));
  }
}
