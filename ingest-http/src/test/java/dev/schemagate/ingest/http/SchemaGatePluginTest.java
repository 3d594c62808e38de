package dev.schemagate.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Javalin plugin on a real Javalin server, with schemas from the real registry. */
class SchemaGatePluginTest {
  static RunningRegistry registry;
  static SchemaRegistryClient client;
  static SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  static ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
  static Javalin app;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    registry = RegistryConfig.forTests().start();
    client = SchemaRegistryClient.builder(registry.url()).build();
    Fixtures.register(client, "orders-value");
    IngestGate orders =
        new IngestGate(client, "orders-value", Optional.of(Fixtures.contract()), metrics);
    IngestGate unknown = new IngestGate(client, "nobody-value", Optional.empty(), metrics);
    Fixtures.registerAvro(client, "avro-orders-value");
    IngestGate avro =
        new IngestGate(client, "avro-orders-value", Optional.of(Fixtures.contract()), metrics);
    app =
        Javalin.create(
            config -> {
              config.registerPlugin(
                  new SchemaGatePlugin(
                      c ->
                          c.gate("/orders", orders)
                              .gate("/other", unknown)
                              .gate("/avro-orders", avro)));
              config.routes.post(
                  "/orders",
                  ctx -> {
                    received.add(ctx.body());
                    ctx.status(201);
                  });
              config.routes.post("/other", ctx -> ctx.status(201));
              config.routes.post(
                  "/avro-orders",
                  ctx -> {
                    received.add(ctx.body());
                    ctx.status(201);
                  });
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

  @Test
  void shouldPassAValidBodyToTheHandlerUnchanged() throws Exception {
    Fixtures.Answer answer = Fixtures.post(base + "/orders", Fixtures.VALID);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(received).contains(Fixtures.VALID);
    assertThat(
            metrics
                .counter(
                    "schemagate_ingest_requests_total",
                    "subject",
                    "orders-value",
                    "outcome",
                    "accepted")
                .count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldAnswer422WithEveryViolationsPath() throws Exception {
    Fixtures.Answer answer = Fixtures.post(base + "/orders", Fixtures.INVALID);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().get("error_code").asInt()).isEqualTo(42201);
    assertThat(Fixtures.paths(answer.body()))
        .containsExactly(
            "/amount range",
            "/currency accepted_values",
            "/lines/0/quantity minimum",
            "/lines/1/quantity required",
            "/orderId type");
    assertThat(received).doesNotContain(Fixtures.INVALID);
  }

  @Test
  void shouldPassABodyThatFitsAnAvroSubject() throws Exception {
    Fixtures.Answer answer = Fixtures.post(base + "/avro-orders", Fixtures.AVRO_VALID);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    assertThat(received).contains(Fixtures.AVRO_VALID);
  }

  @Test
  void shouldAnswer422WithEveryPathABodyBreaksAnAvroSchemaAt() throws Exception {
    Fixtures.Answer answer = Fixtures.post(base + "/avro-orders", Fixtures.AVRO_INVALID);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(Fixtures.paths(answer.body()))
        .containsExactly(
            "/amount required",
            "/coupon type",
            "/currency accepted_values",
            "/currency enum",
            "/customer/email required",
            "/customer/tier type",
            "/lines/0/quantity type",
            "/lines/1/sku required",
            "/orderId type");
    assertThat(answer.body().findValuesAsText("message"))
        .contains("\"GBP\" is not one of [EUR, USD]")
        .contains("expected a whole number (int), got 2.5")
        .contains("required property 'amount' not found");
    assertThat(received).doesNotContain(Fixtures.AVRO_INVALID);
  }

  @Test
  void shouldAnswer400ForABodyThatIsNotJson() throws Exception {
    Fixtures.Answer answer = Fixtures.post(base + "/orders", "{\"orderId\": ");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("message").asText())
        .startsWith("the body is not JSON: ")
        .contains("at line 1, column");
  }

  @Test
  void shouldAnswer503WhenTheSubjectHasNoSchema() throws Exception {
    Fixtures.Answer answer = Fixtures.post(base + "/other", "{}");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body().get("message").asText())
        .isEqualTo("subject 'nobody-value' has no schema in the registry");
  }
}
