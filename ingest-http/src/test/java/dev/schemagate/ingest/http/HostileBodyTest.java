package dev.schemagate.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.contract.ContractReader;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bodies an attacker or a broken client sends, through the Javalin plugin on a real server and the
 * real registry: each gets a 4xx naming the problem, in bounded time, never a 500 or a held thread.
 */
class HostileBodyTest {
  static RunningRegistry registry;
  static SchemaRegistryClient client;
  static Javalin app;
  static String base;

  /** Patterns real contracts contain, which the JDK's engine backtracks on exponentially. */
  static final String SLOW_PATTERN = "^(.*a){16}z$";

  @BeforeAll
  static void start() throws Exception {
    registry = RegistryConfig.forTests().start();
    client = SchemaRegistryClient.builder(registry.url()).build();
    client.register(
        "slow-rule-value", SchemaSubmission.of(SchemaFormat.JSON, "{\"type\": \"object\"}"), false);
    client.register(
        "slow-schema-value",
        SchemaSubmission.of(
            SchemaFormat.JSON,
            "{\"type\": \"object\", \"properties\": {\"code\": {\"type\": \"string\", \"pattern\":"
                + " \""
                + SLOW_PATTERN.replace("\\", "\\\\")
                + "\"}}}"),
        false);
    IngestGate slowRule =
        new IngestGate(
            client,
            "slow-rule-value",
            Optional.of(
                ContractReader.read(
                    Fixtures.JSON.readTree(
                        "{\"schemaRef\": \"x\", \"quality\": [{\"field\": \"code\", \"rule\":"
                            + " \"regex\", \"params\": {\"pattern\": \""
                            + SLOW_PATTERN.replace("\\", "\\\\")
                            + "\"}}]}"))),
            new SimpleMeterRegistry());
    IngestGate slowSchema =
        new IngestGate(client, "slow-schema-value", Optional.empty(), new SimpleMeterRegistry());
    SchemaRegistryClient dead;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      dead = SchemaRegistryClient.builder("http://127.0.0.1:" + probe.getLocalPort()).build();
    }
    IngestGate down =
        new IngestGate(dead, "slow-rule-value", Optional.empty(), new SimpleMeterRegistry());
    app =
        Javalin.create(
            config -> {
              config.registerPlugin(
                  new SchemaGatePlugin(
                      c ->
                          c.gate("/rule", slowRule)
                              .gate("/schema", slowSchema)
                              .gate("/down", down)));
              config.routes.post("/down", ctx -> ctx.status(201));
              config.routes.post("/rule", ctx -> ctx.status(201));
              config.routes.post("/schema", ctx -> ctx.status(201));
            });
    app.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() {
    app.stop();
    client.close();
    registry.close();
  }

  static String slowValue() {
    return "{\"code\": \"" + "a".repeat(40) + "!\"}";
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void shouldRefuseAValueAContractRegexBacktracksOnWithinItsTimeBound() throws Exception {
    Fixtures.Answer answer = Fixtures.post(base + "/rule", slowValue());
    Fixtures.Answer fine = Fixtures.post(base + "/rule", "{\"code\": \"" + "a".repeat(16) + "z\"}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(Fixtures.paths(answer.body())).containsExactly("/code regex");
    assertThat(answer.body().at("/violations/0/message").asText()).contains("regex-time");
    assertThat(fine.status()).isEqualTo(201);
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void shouldRefuseAValueASchemaPatternBacktracksOnWithinItsTimeBound() throws Exception {
    Fixtures.Answer answer = Fixtures.post(base + "/schema", slowValue());

    assertThat(answer.status()).isEqualTo(422);
    assertThat(Fixtures.paths(answer.body())).containsExactly(" regex-time");
    assertThat(answer.body().at("/violations/0/message").asText())
        .contains("ran longer than 100 ms");
  }

  @Test
  void shouldAnswer413ForABodyOverJavalinsLimitAnd400ForBrokenOnes() throws Exception {
    Fixtures.Answer huge =
        Fixtures.post(base + "/schema", "{\"code\": \"" + "x".repeat(3_000_000) + "\"}");
    Fixtures.Answer empty = Fixtures.post(base + "/schema", "");
    Fixtures.Answer text = Fixtures.post(base + "/schema", "code=1");

    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.body().get("error_code").asInt()).isEqualTo(413);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().get("message").asText()).contains("empty");
    assertThat(text.status()).isEqualTo(400);
  }

  @Test
  void shouldAnswer400ForInvalidUtf8() throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/schema"))
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                            new byte[] {'{', '"', 'c', '"', ':', '"', (byte) 0xff, '"', '}'}))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("UTF-8");
  }

  @Test
  void shouldAnswer503NamingTheRegistryWhenItIsDown() throws Exception {
    Fixtures.Answer answer = Fixtures.post(base + "/down", "{\"code\": \"a\"}");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body().get("error_code").asInt()).isEqualTo(50301);
    assertThat(answer.body().get("message").asText())
        .contains("the schema registry did not answer");
  }

  @Test
  void shouldRefuseAFilterLimitThatCannotWorkWhenItIsBuilt() {
    IngestGate gate =
        new IngestGate(client, "slow-rule-value", Optional.empty(), new SimpleMeterRegistry());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new SchemaGateFilter(gate, Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBytes must be between 1 and 2147483638, not 2147483647");
    assertThat(new SchemaGateFilter(gate, SchemaGateFilter.MAX_LIMIT)).isNotNull();
  }

  @Test
  void shouldAnswer400ForABodyNestedDeeperThanTheParserAllows() throws Exception {
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

    Fixtures.Answer answer = Fixtures.post(base + "/schema", deep);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("message").asText()).contains("nesting depth");
  }
}
