package dev.schemagate.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldServeTheCurrentScrapeAndAHealthCheck() throws Exception {
    AtomicInteger outcomes = new AtomicInteger(3);
    try (var server =
            new MetricsServer(
                0, () -> "schemagate_outcomes_total{outcome=\"Registered\"} " + outcomes.get());
        var http = HttpClient.newHttpClient()) {
      var first = send(http, server.port(), "GET", "/metrics");
      outcomes.incrementAndGet();
      var second = send(http, server.port(), "GET", "/metrics");
      var health = send(http, server.port(), "GET", "/healthz");

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
      assertThat(first.body()).isEqualTo("schemagate_outcomes_total{outcome=\"Registered\"} 3");
      assertThat(second.body()).endsWith("} 4");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("ok\n");
    }
  }

  @Test
  void shouldAnswerAnUnknownPathWithTheSharedErrorBody() throws Exception {
    try (var server = new MetricsServer(0, () -> "");
        var http = HttpClient.newHttpClient()) {
      var missing = send(http, server.port(), "GET", "/metricz");

      assertThat(missing.statusCode()).isEqualTo(404);
      var body = JSON.readTree(missing.body());
      assertThat(body.get("error_code").asInt()).isEqualTo(404);
      assertThat(body.get("message").asText()).contains("/metricz").contains("/metrics");
    }
  }

  @Test
  void shouldRefuseAnythingButGet() throws Exception {
    try (var server = new MetricsServer(0, () -> "never served");
        var http = HttpClient.newHttpClient()) {
      var posted = send(http, server.port(), "POST", "/metrics");

      assertThat(posted.statusCode()).isEqualTo(405);
      var body = JSON.readTree(posted.body());
      assertThat(body.get("error_code").asInt()).isEqualTo(405);
      assertThat(body.get("message").asText()).contains("POST").contains("GET only");
    }
  }

  private static HttpResponse<String> send(HttpClient http, int port, String method, String path)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
