package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PostgreSQL is the source of truth: without it the server says so, and is not ready. */
class DatabaseOutageTest {

  @Test
  void shouldTurnUnreadyAndAnswerWithAConfluentErrorWhenPostgresDies() throws Exception {
    Path data = Files.createTempDirectory("outage-pg");
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
    int port = postgres.getPort();
    try (RunningRegistry registry =
        RegistryConfig.forTests()
            .database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "")
            .start()) {
      Http http = new Http(registry.url());
      int id =
          http.post("/subjects/outage/versions", Http.body(Schemas.avroRecord("Out", 1)))
              .json()
              .get("id")
              .asInt();
      assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
      assertThat(http.get("/subjects/outage/versions/latest").status()).isEqualTo(200);
      assertThat(http.get("/readyz").status()).isEqualTo(200);

      postgres.close();

      await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/readyz").status() == 503);
      assertThat(http.get("/healthz").status()).isEqualTo(200);
      // Cached lookups keep flowing; uncached ones get a 503 that clients retry.
      assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
      http.get("/subjects/outage/versions");
      long before = System.nanoTime();
      Http.Response failed = http.get("/subjects/outage/versions");
      // The pool's 3 s connection timeout is not waited out again by every request.
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - before))
          .isLessThan(Duration.ofMillis(1500));
      assertThat(failed.status()).as(failed.body()).isEqualTo(503);
      assertThat(failed.errorCode()).isEqualTo(50003);
      assertThat(failed.header("Retry-After")).isNotBlank();
      // "latest" keeps answering from the last body served, well past the 5 s cache TTL.
      await()
          .during(Duration.ofSeconds(7))
          .atMost(Duration.ofSeconds(20))
          .until(() -> http.get("/subjects/outage/versions/latest").status() == 200);
      assertThat(failed.body()).doesNotContain("at org.").doesNotContain("PSQLException");
      assertThat(http.get("/metrics").body()).containsPattern("schemagate_db_errors_total [1-9]");

      // Back on the same port and data: the background prober notices, no request had to.
      try (EmbeddedPostgres again =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .start()) {
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/readyz").status() == 200);
        assertThat(http.get("/subjects/outage/versions").body()).isEqualTo("[1]");
        assertThat(
                http.post("/subjects/outage/versions", Http.body(Schemas.avroRecord("Out", 2)))
                    .status())
            .isEqualTo(200);
      }
    }
  }
}
