package dev.schemagate.registry.server.lineage;

import static dev.schemagate.registry.server.lineage.LineageApiTest.count;
import static dev.schemagate.registry.server.lineage.LineageApiTest.q;
import static dev.schemagate.registry.server.lineage.LineageApiTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.schemagate.core.lineage.openlineage.OpenLineageEventParser;
import dev.schemagate.core.lineage.severity.SeverityPolicy;
import dev.schemagate.registry.server.DatabaseConfig;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.registry.server.registry.RegistryServerException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What batching must not cost: one refused event fails alone, and two replicas writing the same
 * lineage at once into one database store every row exactly once without a deadlock.
 */
class LineageWriteSafetyTest {
  private static final OpenLineageEventParser PARSER = new OpenLineageEventParser();

  /**
   * An event of job {@code job} reading {@code in.*} into {@code out.c0..c3}: 8 columns, 4 edges.
   */
  static String event(String runId, String job, int in, int out) {
    StringBuilder fields = new StringBuilder();
    for (int c = 0; c < 4; c++) {
      fields
          .append(c == 0 ? "" : ",")
          .append("\"c")
          .append(c)
          .append("\":{\"inputFields\":[{\"namespace\":\"kafka\",\"name\":\"topic_")
          .append(in)
          .append("\",\"field\":\"f")
          .append(c)
          .append("\",\"transformations\":[{\"type\":\"DIRECT\",\"subtype\":\"IDENTITY\"}]}]}");
    }
    return "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2026-11-20T08:15:30.123Z\","
        + "\"producer\":\"https://example.com/test\",\"run\":{\"runId\":\""
        + runId
        + "\"},\"job\":{\"namespace\":\"load\",\"name\":\""
        + job
        + "\"},\"inputs\":[{\"namespace\":\"kafka\",\"name\":\"topic_"
        + in
        + "\"}],\"outputs\":[{\"namespace\":\"warehouse\",\"name\":\"table_"
        + out
        + "\",\"facets\":{\"columnLineage\":{\"fields\":{"
        + fields
        + "}}}}]}";
  }

  @Test
  void shouldStoreTheGoodEventsOfABatchAndRefuseOnlyTheOneHoldingAValueTheStoreRefuses()
      throws Exception {
    try (RunningRegistry registry = RegistryConfig.forTests().start();
        LineageService service =
            new LineageService(registry.context().database(), SeverityPolicy.defaults())) {
      // submitted back to back, so the writer drains them into shared batches; the NUL is not
      // caught by the route's check here (the service is called directly): the database refuses it
      List<CompletableFuture<Boolean>> good = new ArrayList<>();
      CompletableFuture<Boolean> bad = null;
      for (int i = 0; i < 400; i++) {
        if (i == 200) {
          bad =
              service.ingest(
                  PARSER.parse(event(UUID.randomUUID().toString(), "nul\\u0000job", 1, 2)));
        }
        good.add(service.ingest(PARSER.parse(event(UUID.randomUUID().toString(), "job", i, i))));
      }

      for (CompletableFuture<Boolean> f : good) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
      }
      CompletableFuture<Boolean> refused = bad;
      Throwable failure = catchThrowable(() -> refused.get(30, TimeUnit.SECONDS));
      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause())
          .isInstanceOfSatisfying(
              RegistryServerException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(RegistryServerException.Reason.MALFORMED_REQUEST);
                assertThat(e.getMessage()).contains("cannot store");
              });
      assertThat(count(registry, "SELECT count(*) FROM lineage_run_events")).isEqualTo(400);
      assertThat(count(registry, "SELECT count(*) FROM lineage_edges")).isEqualTo(400 * 4);
    }
  }

  @Test
  void shouldRefuseAnEventWithANulCharacterOverHttpWithoutFailingOthers() throws Exception {
    try (RunningRegistry registry = RegistryConfig.forTests().start()) {
      List<Future<LineageApiTest.Answer>> answers = new ArrayList<>();
      LineageApiTest.Answer refused;
      try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
        for (int i = 0; i < 64; i++) {
          String body = event(UUID.randomUUID().toString(), "job", i, 1000 + i);
          answers.add(pool.submit(() -> send(registry.url(), "POST", "/api/v1/lineage", body)));
        }
        refused =
            send(
                registry.url(),
                "POST",
                "/api/v1/lineage",
                event(UUID.randomUUID().toString(), "job", 7, 8)
                    // the field name only: a random run id may hold "f1" too
                    .replace("\"field\":\"f1\"", "\"field\":\"f\\u00001\""));
      }

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body().get("message").asText()).contains("NUL character");
      for (Future<LineageApiTest.Answer> a : answers) {
        assertThat(a.get().status()).isEqualTo(201);
      }
      assertThat(count(registry, "SELECT count(*) FROM lineage_run_events")).isEqualTo(64);
    }
  }

  @Test
  void shouldStoreEveryRowOnceWhenTwoReplicasWriteOverlappingLineageAtOnce() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      DatabaseConfig database =
          new DatabaseConfig(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
      try (RunningRegistry a = RegistryConfig.forTests().database(database).start();
          RunningRegistry b = RegistryConfig.forTests().database(database).start()) {
        // 40 datasets, 400 runs: the replicas insert the same columns and edges in the same
        // moments, and every run is posted to both (one of the two stores it)
        List<String> events = new ArrayList<>();
        Set<String> edges = new HashSet<>();
        for (int i = 0; i < 400; i++) {
          int in = i % 40;
          int out = (i * 7 + 1) % 40;
          events.add(event(UUID.randomUUID().toString(), "job_" + out, in, out));
          for (int c = 0; c < 4; c++) {
            edges.add(in + "/" + out + "/" + c);
          }
        }
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
          for (int i = 0; i < events.size(); i++) {
            String body = events.get(i);
            // the two copies of a run go in opposite orders of the list on the two replicas
            String other = events.get(events.size() - 1 - i);
            statuses.add(
                pool.submit(() -> send(a.url(), "POST", "/api/v1/lineage", body).status()));
            statuses.add(
                pool.submit(() -> send(b.url(), "POST", "/api/v1/lineage", other).status()));
          }
        }
        List<Integer> all = new ArrayList<>();
        for (Future<Integer> s : statuses) {
          all.add(s.get());
        }

        assertThat(all).filteredOn(s -> s == 201).hasSize(400);
        assertThat(all).filteredOn(s -> s == 200).hasSize(400);
        assertThat(count(a, "SELECT count(*) FROM lineage_run_events")).isEqualTo(400);
        assertThat(count(a, "SELECT count(*) FROM lineage_edges")).isEqualTo(edges.size());
        assertThat(count(a, "SELECT count(*) FROM lineage_nodes")).isEqualTo(40 * 4 * 2);
        // each replica's graph holds every edge, whoever wrote it
        for (RunningRegistry r : List.of(a, b)) {
          LineageApiTest.Answer upstream =
              send(
                  r.url(),
                  "GET",
                  "/api/v1/lineage/upstream?field=" + q("warehouse.table_1.c2"),
                  null);
          assertThat(upstream.status()).isEqualTo(200);
          assertThat(upstream.body().get("sources").get(0).get("id").asText())
              .isEqualTo("kafka.topic_0.f2");
        }
      }
    }
  }
}
