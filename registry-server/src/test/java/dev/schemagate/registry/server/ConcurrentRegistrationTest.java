package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uniqueness is the database's job: concurrent writers never duplicate or share a version. */
class ConcurrentRegistrationTest {
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

  @Test
  void shouldGiveOneVersionToOneHundredConcurrentIdenticalRegistrations() throws Exception {
    String subject = "concurrent-same-" + System.nanoTime();
    String schema = Schemas.avroRecord("Same", 3);
    List<Http.Response> responses =
        concurrently(100, i -> http.post("/subjects/" + subject + "/versions", Http.body(schema)));

    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
    assertThat(responses.stream().map(r -> r.json().get("id").asInt()).distinct()).hasSize(1);
    assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
  }

  @Test
  void shouldNeverShareAVersionNumberBetweenConcurrentDifferentRegistrations() throws Exception {
    String subject = "concurrent-different-" + System.nanoTime();
    assertThat(http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}").status())
        .isEqualTo(200);
    List<Http.Response> responses =
        concurrently(
            30,
            i ->
                http.post(
                    "/subjects/" + subject + "/versions",
                    Http.body(Schemas.avroRecord("Different" + i, 1))));

    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
    assertThat(responses.stream().map(r -> r.json().get("id").asInt()).distinct()).hasSize(30);
    List<Integer> versions = new ArrayList<>();
    http.get("/subjects/" + subject + "/versions").json().forEach(v -> versions.add(v.asInt()));
    assertThat(versions).hasSize(30).doesNotHaveDuplicates();
    assertThat(versions)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
  }

  private static List<Http.Response> concurrently(int count, IntFunction<Http.Response> call)
      throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
      List<Future<Http.Response>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  gate.await();
                  return call.apply(index);
                }));
      }
      gate.countDown();
      List<Http.Response> responses = new ArrayList<>();
      for (Future<Http.Response> future : futures) {
        responses.add(future.get());
      }
      return responses;
    }
  }
}
