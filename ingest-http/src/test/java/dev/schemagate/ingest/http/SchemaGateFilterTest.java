package dev.schemagate.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Servlet filter in a real Jetty servlet container, with schemas from the real registry. */
class SchemaGateFilterTest {
  static RunningRegistry registry;
  static SchemaRegistryClient client;
  static SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  static ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
  static Server jetty;
  static String base;

  /** The application's own servlet: reads the body the filter already read. */
  static final class Ingest extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      received.add(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      resp.setStatus(202);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    registry = RegistryConfig.forTests().start();
    client = SchemaRegistryClient.builder(registry.url()).build();
    Fixtures.register(client, "orders-filter-value");
    IngestGate gate =
        new IngestGate(client, "orders-filter-value", Optional.of(Fixtures.contract()), metrics);
    Fixtures.registerAvro(client, "avro-orders-filter-value");
    IngestGate avro = new IngestGate(client, "avro-orders-filter-value", Optional.empty(), metrics);
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new Ingest()), "/orders");
    context.addFilter(
        new FilterHolder(new SchemaGateFilter(gate, 1024)),
        "/orders",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new Ingest()), "/avro-orders");
    context.addFilter(
        new FilterHolder(new SchemaGateFilter(avro, 4096)),
        "/avro-orders",
        EnumSet.of(DispatcherType.REQUEST));
    jetty.setHandler(context);
    jetty.start();
    base = "http://127.0.0.1:" + connector.getLocalPort();
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.stop();
    client.close();
    registry.close();
  }

  @Test
  void shouldLetTheServletReadAValidBodyAgain() throws Exception {
    Fixtures.Answer answer = Fixtures.post(base + "/orders", Fixtures.VALID);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(received).contains(Fixtures.VALID);
  }

  @Test
  void shouldAnswer422WithEveryViolationsPathAndCountIt() throws Exception {
    double before =
        metrics
            .counter(
                "schemagate_ingest_requests_total",
                "subject",
                "orders-filter-value",
                "outcome",
                "rejected")
            .count();

    Fixtures.Answer answer = Fixtures.post(base + "/orders", Fixtures.INVALID);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(Fixtures.paths(answer.body()))
        .containsExactly(
            "/amount range",
            "/currency accepted_values",
            "/lines/0/quantity minimum",
            "/lines/1/quantity required",
            "/orderId type");
    assertThat(
            metrics
                .counter(
                    "schemagate_ingest_requests_total",
                    "subject",
                    "orders-filter-value",
                    "outcome",
                    "rejected")
                .count())
        .isEqualTo(before + 1);
    assertThat(
            metrics
                .timer("schemagate_ingest_validation_seconds", "subject", "orders-filter-value")
                .count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldRefuseABodyOverTheLimitWith413() throws Exception {
    String big = "{\"orderId\": \"" + "x".repeat(2000) + "\", \"amount\": 1}";

    Fixtures.Answer answer = Fixtures.post(base + "/orders", big);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body().get("message").asText())
        .isEqualTo("the body is larger than 1024 bytes");
  }

  @Test
  void shouldGateAnAvroSubjectTheSameWay() throws Exception {
    Fixtures.Answer clean = Fixtures.post(base + "/avro-orders", Fixtures.AVRO_VALID);
    Fixtures.Answer broken = Fixtures.post(base + "/avro-orders", Fixtures.AVRO_INVALID);

    assertThat(clean.status()).as(clean.body().toString()).isEqualTo(202);
    assertThat(received).contains(Fixtures.AVRO_VALID);
    assertThat(broken.status()).isEqualTo(422);
    // no contract here: the schema's own violations only
    assertThat(Fixtures.paths(broken.body()))
        .containsExactly(
            "/amount required",
            "/coupon type",
            "/currency enum",
            "/customer/email required",
            "/customer/tier type",
            "/lines/0/quantity type",
            "/lines/1/sku required",
            "/orderId type");
    assertThat(received).doesNotContain(Fixtures.AVRO_INVALID);
  }
}
