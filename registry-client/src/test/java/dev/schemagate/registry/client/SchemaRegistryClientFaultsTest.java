package dev.schemagate.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.RegistryException.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, time bounds, fail-fast, fail-over and stale serving, with faults injected. */
class SchemaRegistryClientFaultsTest {
  private static final String SCHEMA_BY_ID = "{\"schema\":\"\\\"string\\\"\"}";
  private static final String LATEST =
      "{\"subject\":\"s\",\"id\":1,\"version\":1,\"schema\":\"\\\"string\\\"\"}";

  private FakeRegistry registry;

  @BeforeEach
  void start() throws IOException {
    registry = FakeRegistry.start();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private SchemaRegistryClientBuilder client(String url) {
    return SchemaRegistryClient.builder(url)
        .backoff(Duration.ofMillis(5), Duration.ofMillis(20))
        .requestTimeout(Duration.ofSeconds(20))
        .maxBlock(Duration.ofSeconds(30))
        .failFastFor(Duration.ZERO);
  }

  @Test
  void shouldRetryServerErrorsUntilTheRegistryAnswers() throws Exception {
    registry
        .then(500, "{\"error_code\":50001,\"message\":\"store error\"}")
        .then(503, "")
        .then(429, "")
        .then(200, SCHEMA_BY_ID);

    try (var client = client(registry.url()).build()) {
      assertThat(client.schemaById(1)).isPresent();
    }
    assertThat(registry.requests).hasSize(4);
  }

  @Test
  void shouldGiveUpWithinMaxBlockWhenTheRegistryHangs() throws Exception {
    registry.always(registry.hang());

    try (var client =
        client(registry.url())
            .requestTimeout(Duration.ofMillis(100))
            .maxBlock(Duration.ofMillis(400))
            .build()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.schemaById(1))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                assertThat(e.getMessage())
                    .contains("within 400 ms")
                    .containsAnyOf("timed out", "no answer within");
              });
      // Generous margin for a loaded 2-core box; the bound under test is 400 ms, not 30 s.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
    assertThat(registry.requests).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldFailWithUnavailableWhenTheConnectionIsRefused() throws Exception {
    String refusing = "http://127.0.0.1:" + closedPort();

    try (var client = client(refusing).maxBlock(Duration.ofMillis(300)).build()) {
      assertThatThrownBy(() -> client.schemaById(1))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                assertThat(e.getMessage()).contains("ConnectException");
              });
    }
  }

  @Test
  void shouldFailFastAfterTheRegistryWasFoundUnavailable() throws Exception {
    registry.always(503, "");

    try (var client =
        client(registry.url())
            .maxBlock(Duration.ofMillis(200))
            .failFastFor(Duration.ofMinutes(1))
            .build()) {
      assertThatThrownBy(() -> client.schemaById(1)).isInstanceOf(RegistryException.class);
      int attempts = registry.requests.size();

      assertThatThrownBy(() -> client.schemaById(2))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                // The last failure is named (a 503, or a timeout on a loaded machine).
                assertThat(e.getMessage()).contains("failing fast").contains("/schemas/ids/1");
              });
      assertThat(registry.requests).hasSize(attempts);
    }
  }

  @Test
  void shouldKeepServingCachedSchemasWhileTheRegistryIsDown() throws Exception {
    registry.then(200, SCHEMA_BY_ID).always(503, "");

    try (var client =
        client(registry.url())
            .maxBlock(Duration.ofMillis(200))
            .failFastFor(Duration.ofMinutes(1))
            .build()) {
      var cached = client.schemaById(1);
      assertThatThrownBy(() -> client.schemaById(2)).isInstanceOf(RegistryException.class);

      assertThat(client.schemaById(1)).isEqualTo(cached);
    }
  }

  @Test
  void shouldServeAStaleLatestVersionWhileTheRegistryIsDown() throws Exception {
    registry.then(200, LATEST).always(503, "");

    try (var client =
        client(registry.url()).latestTtl(Duration.ZERO).maxBlock(Duration.ofMillis(200)).build()) {
      var first = client.latest("s");

      assertThat(client.latest("s")).isEqualTo(first).isPresent();
      assertThat(registry.requests).hasSizeGreaterThan(1);
    }
  }

  @Test
  void shouldFailOverToTheNextUrl() throws Exception {
    registry.always(200, SCHEMA_BY_ID);
    String urls = "http://127.0.0.1:" + closedPort() + "," + registry.url();

    try (var client = client(urls).build()) {
      assertThat(client.schemaById(1))
          .contains(SchemaSubmission.of(SchemaFormat.AVRO, "\"string\""));
    }
  }

  @Test
  void shouldNotRetryANotFound() throws Exception {
    registry.always(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");

    try (var client = client(registry.url()).build()) {
      assertThat(client.schemaById(1)).isEmpty();
    }
    assertThat(registry.requests).hasSize(1);
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
