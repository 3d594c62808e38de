package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hostile inputs of issue 15: each gets a 4xx with a Confluent body, never a 500. */
class BadInputTest {
  private static RunningRegistry registry;
  private static Http http;

  @BeforeAll
  static void start() {
    registry = RegistryConfig.forTests().database(SharedPostgres.database()).start();
    http = new Http(registry.url());
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static void assertClientError(Http.Response response, int status, int errorCode) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.errorCode()).as(response.body()).isEqualTo(errorCode);
    assertThat(response.json().path("message").asText()).isNotBlank().doesNotContain("\tat ");
  }

  @Test
  void shouldRefuseANulCharacterInTheQueryOrPathWith400() {
    assertClientError(http.get("/subjects?subjectPrefix=%00"), 400, 400);
    assertClientError(http.get("/subjects?subjectPrefix=a%00b&deleted=true"), 400, 400);
    assertClientError(http.get("/subjects/a%00b/versions"), 400, 400);
  }

  @Test
  void shouldRefuseANulCharacterInsideAStoredBodyValueWith400Not500() throws Exception {
    String event;
    try (var in = getClass().getResourceAsStream("lineage/events/dbt-orders-complete.json")) {
      event = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String hostile =
        event
            .replaceFirst(
                "\"runId\"\\s*:\\s*\"[^\"]+\"", "\"runId\":\"" + java.util.UUID.randomUUID() + "\"")
            .replace("\"name\": \"", "\"name\": \"nul\\u0000");
    assertThat(hostile).contains("\\u0000");
    Http.Response response = http.post("/api/v1/lineage", hostile, "application/json");
    assertClientError(response, 400, 400);
  }

  @Test
  void shouldRefuseAnOpenLineageBodyNestedFarTooDeepWith400() {
    String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
    Http.Response response = http.post("/api/v1/lineage", deep, "application/json");
    assertClientError(response, 400, 400);
    assertThat(response.json().get("message").asText()).contains("nesting depth");
  }

  @Test
  void shouldRefuseTextPlainAndFormWritesWith415() {
    String body = Http.body(Schemas.avroRecord("Ct", 1));
    for (String type :
        new String[] {
          "text/plain",
          "text/plain;charset=UTF-8",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x"
        }) {
      assertClientError(http.post("/subjects/ct-415/versions", body, type), 415, 415);
      assertClientError(http.post("/api/v1/lineage", "{}", type), 415, 415);
    }
    assertClientError(
        http.send(
            "/config",
            r ->
                r.header("Content-Type", "text/plain")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"NONE\"}"))),
        415,
        415);
    assertThat(http.get("/subjects/ct-415/versions").status()).isEqualTo(404);
  }

  @Test
  void shouldSendNoCorsHeadersSoABrowserPageCannotReadOrPreflightTheApi() {
    Http.Response preflight =
        http.send(
            "/subjects/cors/versions",
            r ->
                r.header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
    Http.Response read =
        http.send("/subjects", r -> r.header("Origin", "https://evil.example").GET());
    assertThat(read.header("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void shouldLabelMadeUpHttpMethodsAsOneMetricLabel() {
    for (int i = 0; i < 50; i++) {
      String method = "MADEUP" + i;
      Http.Response response =
          http.send("/subjects", r -> r.method(method, HttpRequest.BodyPublishers.noBody()));
      assertThat(response.status()).isBetween(400, 499);
    }
    String metrics = http.get("/metrics").body();
    assertThat(metrics).doesNotContain("MADEUP").contains("method=\"other\"");
  }
}
