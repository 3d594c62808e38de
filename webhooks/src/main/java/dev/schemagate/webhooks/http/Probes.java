package dev.schemagate.webhooks.http;

import com.sun.net.httpserver.HttpHandler;

/** Liveness, readiness, and the answer for every unknown path. */
final class Probes {
  private Probes() {}

  static final HttpHandler OK =
      exchange -> {
        try (exchange) {
          Responses.error(exchange, 200, "ok");
        }
      };

  static final HttpHandler NOT_FOUND =
      exchange -> {
        try (exchange) {
          Responses.error(
              exchange,
              404,
              "no such path: "
                  + exchange.getRequestURI().getPath()
                  + " (the webhooks are at /validate/dataschemas, /validate/datacontracts,"
                  + " /validate/promotions)");
        }
      };
}
