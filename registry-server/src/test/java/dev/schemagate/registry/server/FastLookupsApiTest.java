package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cached hot reads answered ahead of Javalin ({@code api.FastLookups}) against a real registry:
 * the same answer as the full route, writes and deletes seen at once, parameters it does not know
 * answered by the full route, and the per-route request metrics counted.
 */
class FastLookupsApiTest {
  private static final AtomicInteger SUBJECTS = new AtomicInteger();
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

  private static String subject() {
    return "fast-" + SUBJECTS.incrementAndGet() + "-" + System.nanoTime() + "-value";
  }

  private static String record(String name, int fields) {
    StringBuilder schema =
        new StringBuilder("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[");
    for (int i = 0; i < fields; i++) {
      schema
          .append(i == 0 ? "" : ",")
          .append("{\"name\":\"f")
          .append(i)
          .append("\",\"type\":\"long\",\"default\":0}");
    }
    return schema.append("]}").toString();
  }

  private static int register(String subject, String schema) {
    Http.Response r = http.post("/subjects/" + subject + "/versions", Http.body(schema));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asInt();
  }

  private static long requests(String route) {
    Matcher m =
        Pattern.compile(
                "^schemagate_http_requests_seconds_count\\{method=\"GET\",route=\""
                    + Pattern.quote(route)
                    + "\",status=\"200\"} ([0-9.E]+)$",
                Pattern.MULTILINE)
            .matcher(http.get("/metrics").body());
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void shouldAnswerRepeatedReadsLikeTheFullRouteAndCountThem() {
    String subject = subject();
    int id = register(subject, record("Fast1", 1));
    long byIdBefore = requests("/schemas/ids/{id}");
    long versionBefore = requests("/subjects/{subject}/versions/{version}");

    Http.Response first = http.get("/schemas/ids/" + id); // the full route fills the cache
    Http.Response again = http.get("/schemas/ids/" + id);
    Http.Response deserializer = http.get("/schemas/ids/" + id + "?fetchMaxId=false&subject=x");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body()).isEqualTo(deserializer.body());
    assertThat(again.contentType()).isEqualTo(Http.CONTENT_TYPE);
    assertThat(again.json().get("schema").asText()).isEqualTo(record("Fast1", 1));

    Http.Response latest = http.get("/subjects/" + subject + "/versions/latest");
    Http.Response latestAgain = http.get("/subjects/" + subject + "/versions/latest");
    assertThat(latestAgain.body()).isEqualTo(latest.body());
    assertThat(latestAgain.contentType()).isEqualTo(Http.CONTENT_TYPE);
    assertThat(latestAgain.json().get("version").asInt()).isEqualTo(1);
    assertThat(latestAgain.json().get("id").asInt()).isEqualTo(id);

    assertThat(requests("/schemas/ids/{id}")).isEqualTo(byIdBefore + 3);
    assertThat(requests("/subjects/{subject}/versions/{version}")).isEqualTo(versionBefore + 2);
  }

  @Test
  void shouldSeeANewVersionAndSoftAndHardDeletesAtOnce() {
    String subject = subject();
    int first = register(subject, record("Fast2", 1));
    http.get("/subjects/" + subject + "/versions/latest");
    assertThat(http.get("/subjects/" + subject + "/versions/latest").json().get("version").asInt())
        .isEqualTo(1);

    int second = register(subject, record("Fast2", 2));
    assertThat(http.get("/subjects/" + subject + "/versions/latest").json().get("id").asInt())
        .isEqualTo(second);
    http.get("/schemas/ids/" + second);

    // soft delete of the latest: latest falls back, the id still resolves (as Confluent)
    assertThat(http.delete("/subjects/" + subject + "/versions/2").status()).isEqualTo(200);
    Http.Response latest = http.get("/subjects/" + subject + "/versions/latest");
    assertThat(latest.json().get("version").asInt()).isEqualTo(1);
    assertThat(latest.json().get("id").asInt()).isEqualTo(first);
    assertThat(http.get("/schemas/ids/" + second).status()).isEqualTo(200);
    // a parameter the fast path does not know is answered by the full route
    Http.Response withDeleted = http.get("/subjects/" + subject + "/versions/latest?deleted=true");
    assertThat(withDeleted.status()).isEqualTo(200);
    assertThat(withDeleted.json().get("version").asInt()).isEqualTo(2);

    // hard delete: the id is gone, not served from the cache
    assertThat(http.delete("/subjects/" + subject + "/versions/2?permanent=true").status())
        .isEqualTo(200);
    Http.Response gone = http.get("/schemas/ids/" + second);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo(40403);

    // the whole subject soft-deleted: latest is 40401, not the cached body
    assertThat(http.delete("/subjects/" + subject).status()).isEqualTo(200);
    Http.Response none = http.get("/subjects/" + subject + "/versions/latest");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.errorCode()).isEqualTo(40401);
  }

  @Test
  void shouldLeaveEncodedSubjectsAndUnknownParametersToTheFullRoute() {
    String subject = "fast:" + SUBJECTS.incrementAndGet() + " with space";
    int id = register(subject.replace(" ", "%20"), record("Fast3", 1));
    for (int i = 0; i < 2; i++) {
      Http.Response latest =
          http.get("/subjects/" + subject.replace(" ", "%20") + "/versions/latest");
      assertThat(latest.status()).isEqualTo(200);
      assertThat(latest.json().get("subject").asText()).isEqualTo(subject);
    }
    http.get("/schemas/ids/" + id);
    Http.Response nul = http.get("/schemas/ids/" + id + "?subject=a%00b");
    assertThat(nul.status()).isEqualTo(400);
    assertThat(http.get("/schemas/ids/" + id + "?format=resolved").status()).isEqualTo(200);
  }
}
