package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Ten slow compatibility checks (a backtracking pattern against a long property name) at once, as
 * in the fault run that took the registry down: none of them holds a pooled connection or the
 * subject's lock while it computes, so readiness stays green and other requests are served.
 */
class HostileRequestsTest {
  private static final String NAME = "a".repeat(23) + "!";
  private static final String OLD =
      "{\"type\":\"object\",\"properties\":{\"" + NAME + "\":{\"type\":\"string\"}}}";
  private static final String HOSTILE =
      "{\"type\":\"object\",\"patternProperties\":{\"^(\\\\w+)*\\\\1x$\":{\"type\":\"string\"}}}";

  @Test
  void shouldKeepServingWhileTenSlowCompatibilityChecksRun() throws Exception {
    try (RunningRegistry registry =
        RegistryConfig.forTests().database(SharedPostgres.database()).start()) {
      Http http = new Http(registry.url());
      String subject = "hostile-" + System.nanoTime();
      String json = "\"schemaType\":\"JSON\"";
      assertThat(http.post("/subjects/" + subject + "/versions", Http.body(OLD, json)).status())
          .isEqualTo(200);
      assertThat(
              http.post("/subjects/bystander/versions", Http.body(Schemas.avroRecord("B", 1)))
                  .status())
          .isEqualTo(200);

      HttpClient client = HttpClient.newHttpClient();
      List<CompletableFuture<HttpResponse<String>>> hostile = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String path =
            i < 8
                ? "/compatibility/subjects/" + subject + "/versions/latest"
                : "/subjects/" + subject + "/versions";
        hostile.add(
            client.sendAsync(
                HttpRequest.newBuilder(URI.create(registry.url() + path))
                    .header("Content-Type", Http.CONTENT_TYPE)
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(Http.body(HOSTILE, json)))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }

      // While all ten compute, the pool is free: readiness, uncached reads and writes answer.
      Instant start = Instant.now();
      int served = 0;
      while (hostile.stream().filter(CompletableFuture::isDone).count() < 5) {
        Instant before = Instant.now();
        assertThat(http.get("/readyz").status()).isEqualTo(200);
        assertThat(http.get("/subjects/bystander/versions").status()).isEqualTo(200);
        assertThat(http.get("/subjects").status()).isEqualTo(200);
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(3));
        served++;
        if (Duration.between(start, Instant.now()).compareTo(Duration.ofMinutes(4)) > 0) {
          break;
        }
      }
      assertThat(served).as("requests served while the checks ran").isGreaterThan(0);
      for (CompletableFuture<HttpResponse<String>> answer : hostile) {
        int status = answer.get().statusCode();
        // compatible (200), incompatible (409) or refused for complexity (422): never 5xx
        assertThat(status).as(answer.get().body()).isIn(200, 409, 422);
      }
    }
  }
}
