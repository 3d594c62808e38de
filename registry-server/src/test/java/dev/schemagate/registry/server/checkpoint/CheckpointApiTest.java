package dev.schemagate.registry.server.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checkpoints posted and read back over HTTP, on a real (embedded) PostgreSQL. */
class CheckpointApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static RunningRegistry registry;

  @BeforeAll
  static void start() {
    registry = RegistryConfig.forTests().start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  record Answer(int status, JsonNode body) {}

  static Answer send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(registry.url() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  static String report(String contract, String verdict, String at) {
    return """
        {"namespace": "shop", "contract": "%s", "source": "orders.jsonl", "verdict": "%s",
         "at": "%s", "tookMillis": 12, "rows": 4,
         "rules": [{"id": "not_null(orderId)", "status": "FAILED", "failing": 1},
                   {"id": "row_count", "status": "PASSED", "failing": 0}]}
        """
        .formatted(contract, verdict, at);
  }

  @Test
  void shouldReturnTheCheckpointWithTheLatestCheckTime() throws Exception {
    Answer first =
        send("POST", "/api/v1/checkpoints", report("orders", "FAILED", "2026-12-01T10:00:00Z"));
    Answer older =
        send("POST", "/api/v1/checkpoints", report("orders", "PASSED", "2026-12-01T09:00:00Z"));

    Answer latest = send("GET", "/api/v1/checkpoints/shop/orders/latest", null);

    assertThat(first.status()).isEqualTo(201);
    assertThat(older.status()).isEqualTo(201);
    assertThat(latest.status()).isEqualTo(200);
    assertThat(latest.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
    assertThat(latest.body().get("verdict").asText()).isEqualTo("FAILED");
    assertThat(latest.body().get("at").asText()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(latest.body().get("failedRules").asInt()).isEqualTo(1);
    assertThat(latest.body().at("/report/rules/0/id").asText()).isEqualTo("not_null(orderId)");
  }

  @Test
  void shouldAnswer404ForAContractNeverChecked() throws Exception {
    Answer answer = send("GET", "/api/v1/checkpoints/shop/never-checked/latest", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().get("message").asText())
        .isEqualTo("No checkpoint recorded for contract shop/never-checked");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json | Invalid checkpoint: not JSON",
        "[1] | Invalid checkpoint: expected a JSON object",
        "{\"contract\": \"Orders!\", \"verdict\": \"PASSED\"} | Invalid checkpoint: contract 'Orders!' is not a Kubernetes object name",
        "{\"contract\": \"orders\", \"verdict\": \"MAYBE\"} | Invalid checkpoint: verdict must be PASSED or FAILED, not 'MAYBE'",
        "{\"contract\": \"orders\", \"verdict\": \"PASSED\", \"at\": \"yesterday\"} | Invalid checkpoint: at must be an ISO-8601 instant such as 2026-12-01T10:00:00Z",
        "{\"contract\": \"orders\", \"verdict\": \"PASSED\", \"at\": \"2026-12-01T10:00:00Z\", \"source\": \"f\", \"rows\": -1, \"rules\": []} | Invalid checkpoint: rows must be a count, 0 or more",
        "{\"contract\": \"orders\", \"verdict\": \"PASSED\", \"at\": \"2026-12-01T10:00:00Z\", \"source\": \"f\", \"rows\": 1} | Invalid checkpoint: rules must be an array"
      })
  void shouldRefuseAMalformedCheckpointNamingTheProblem(String body, String message)
      throws Exception {
    Answer answer = send("POST", "/api/v1/checkpoints", body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("message").asText()).isEqualTo(message);
  }
}
