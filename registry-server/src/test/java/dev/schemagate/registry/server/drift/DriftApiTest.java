package dev.schemagate.registry.server.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.drift.LatestDrift;
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

/** Drift reports posted and read back over HTTP, on a real (embedded) PostgreSQL. */
class DriftApiTest {
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

  static String report(String contract, String at, String breaches) {
    return """
        {"namespace": "shop", "contract": "%s", "source": "orders", "at": "%s", "records": 12000,
         "fields": [{"field": "amount", "nullRate": 0.0, "psi": 0.41, "ks": 0.3,
                     "breaches": [%s]},
                    {"field": "currency", "nullRate": 0.0, "psi": 0.01}]}
        """
        .formatted(contract, at, breaches);
  }

  @Test
  void shouldReturnTheLatestReportWithItsBreaches() throws Exception {
    Answer breached =
        send(
            "POST",
            "/api/v1/drift-reports",
            report(
                "orders",
                "2026-12-01T10:00:00Z",
                "{\"test\": \"psi\", \"value\": 0.41, \"threshold\": 0.2},"
                    + " {\"test\": \"ks\", \"value\": 0.3, \"threshold\": 0.2}"));
    Answer older =
        send("POST", "/api/v1/drift-reports", report("orders", "2026-12-01T09:00:00Z", ""));

    Answer latest = send("GET", "/api/v1/drift-reports/shop/orders/latest", null);

    assertThat(breached.status()).isEqualTo(201);
    assertThat(older.status()).isEqualTo(201);
    assertThat(latest.status()).isEqualTo(200);
    assertThat(latest.body().get("id").asLong()).isEqualTo(breached.body().get("id").asLong());
    assertThat(latest.body().get("verdict").asText()).isEqualTo("BREACHED");
    assertThat(latest.body().get("records").asLong()).isEqualTo(12000);
    assertThat(latest.body().at("/breaches/0/field").asText()).isEqualTo("amount");
    assertThat(latest.body().at("/breaches/1/test").asText()).isEqualTo("ks");
    assertThat(latest.body().at("/report/fields/1/field").asText()).isEqualTo("currency");
  }

  @Test
  void shouldRecordAndReadThroughTheRegistryClient() throws Exception {
    try (SchemaRegistryClient client = SchemaRegistryClient.builder(registry.url()).build()) {
      ObjectNode steady =
          (ObjectNode) JSON.readTree(report("payments", "2026-12-01T11:00:00Z", ""));
      steady.remove("namespace");

      long id = client.drift().record("finance", steady);
      LatestDrift latest = client.drift().latest("finance", "payments").orElseThrow();

      assertThat(latest.id()).isEqualTo(id);
      assertThat(latest.verdict()).isEqualTo("STEADY");
      assertThat(latest.breaches()).isEmpty();
      assertThat(client.drift().latest("finance", "unknown-contract")).isEmpty();

      ObjectNode bad = steady.deepCopy();
      bad.put("records", -1);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> client.drift().record("finance", bad))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.INVALID))
          .hasMessageContaining("records must be a count");
    }
  }

  @Test
  void shouldAnswer404NamingAContractWithoutReports() throws Exception {
    Answer answer = send("GET", "/api/v1/drift-reports/shop/never-monitored/latest", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().get("message").asText())
        .isEqualTo("No drift report recorded for contract shop/never-monitored");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|not JSON",
        "[]|expected a JSON object",
        "{\"at\": \"2026-12-01T10:00:00Z\"}|contract is required",
        "{\"contract\": \"Orders!\"}|contract 'Orders!' is not a Kubernetes object name",
        "{\"contract\": \"o\", \"at\": \"yesterday\"}|at must be an ISO-8601 instant such as 2026-12-01T10:00:00Z",
        "{\"contract\": \"o\", \"at\": \"2026-12-01T10:00:00Z\"}|source is required",
        "{\"contract\": \"o\", \"at\": \"2026-12-01T10:00:00Z\", \"source\": \"t\", \"records\": 1.5}"
            + "|records must be a count, 0 or more",
        "{\"contract\": \"o\", \"at\": \"2026-12-01T10:00:00Z\", \"source\": \"t\", \"records\": 1}"
            + "|fields must be an array",
        "{\"contract\": \"o\", \"at\": \"2026-12-01T10:00:00Z\", \"source\": \"t\", \"records\": 1,"
            + " \"fields\": [{\"psi\": 1}]}|fields[0].field is required",
        "{\"contract\": \"o\", \"at\": \"2026-12-01T10:00:00Z\", \"source\": \"t\", \"records\": 1,"
            + " \"fields\": [{\"field\": \"a\", \"breaches\": [{\"test\": \"mean\"}]}]}"
            + "|fields[0].breaches[0].test must be one of [psi, ks, null_rate, new_category, ks_p_value],"
            + " not 'mean'",
        "{\"contract\": \"o\", \"at\": \"2026-12-01T10:00:00Z\", \"source\": \"t\", \"records\": 1,"
            + " \"fields\": [{\"field\": \"a\", \"breaches\": [{\"test\": \"psi\", \"value\": \"x\"}]}]}"
            + "|fields[0].breaches[0].value must be a number",
      })
  void shouldRefuseABadReportNamingTheField(String body, String problem) throws Exception {
    Answer answer = send("POST", "/api/v1/drift-reports", body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("message").asText()).isEqualTo("Invalid drift report: " + problem);
  }
}
