package dev.schemagate.webhooks.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies, read with a cap so that a huge body costs at most {@code max} bytes. */
final class Bodies {
  private Bodies() {}

  /** The body, or null when it is longer than {@code max} bytes. */
  static byte[] read(HttpExchange exchange, int max) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > max) {
          return null; // refuse before reading a byte
        }
      } catch (NumberFormatException ignored) {
        // the server has already rejected a malformed length; read and count instead
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(max + 1);
      return body.length > max ? null : body;
    }
  }
}
