package dev.schemagate.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  @Test
  void shouldServeCountersInThePrometheusTextFormatAndAHealthCheck() throws Exception {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.counter("schemagate.dataschema.outcomes", "outcome", "Registered").increment(3);
    try (var server = new MetricsServer(0, registry);
        var http = HttpClient.newHttpClient()) {
      var metrics = get(http, server.port(), "/metrics");
      var health = get(http, server.port(), "/healthz");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("schemagate_dataschema_outcomes_total{outcome=\"Registered\"} 3.0");
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shouldAnswerAnUnknownPathWithTheSharedErrorBody() throws Exception {
    try (var server = new MetricsServer(0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        var http = HttpClient.newHttpClient()) {
      var missing = get(http, server.port(), "/metricz");

      assertThat(missing.statusCode()).isEqualTo(404);
      var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(missing.body());
      assertThat(body.get("error_code").asInt()).isEqualTo(404);
      assertThat(body.get("message").asText()).contains("/metricz").contains("/metrics");
    }
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
