package dev.schemagate.webhooks.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies, read with a cap: at most {@code max} bytes are kept. An oversized body is read
 * off the wire and discarded (up to {@link #DISCARD_LIMIT}) so that the client, still sending,
 * receives the 413 instead of a reset connection; beyond that the connection is simply closed.
 */
final class Bodies {
  static final long DISCARD_LIMIT = 64L * 1024 * 1024;

  private Bodies() {}

  /** The body, or null when it is longer than {@code max} bytes. */
  static byte[] read(HttpExchange exchange, int max) throws IOException {
    long declared = declaredLength(exchange);
    try (InputStream in = exchange.getRequestBody()) {
      if (declared > DISCARD_LIMIT) {
        return null;
      }
      byte[] body = in.readNBytes(max + 1);
      if (body.length <= max) {
        return body;
      }
      discard(in);
      return null;
    }
  }

  private static void discard(InputStream in) throws IOException {
    byte[] sink = new byte[64 * 1024];
    long total = 0;
    for (int n = in.read(sink); n >= 0 && total < DISCARD_LIMIT; n = in.read(sink)) {
      total += n;
    }
  }

  private static long declaredLength(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared == null) {
      return -1;
    }
    try {
      return Long.parseLong(declared.trim());
    } catch (NumberFormatException unreadable) {
      return -1;
    }
  }
}
