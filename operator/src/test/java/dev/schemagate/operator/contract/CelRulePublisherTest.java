package dev.schemagate.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.contract.ContractReader;
import dev.schemagate.core.contract.cel.CelTranslation;
import dev.schemagate.core.contract.cel.CelTranslator;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import dev.schemagate.operator.contract.CelRulePublisher.Outcome;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.registry.server.security.PasswordCheck;
import dev.schemagate.registry.server.security.SecurityConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing translated CEL rules into a real registry's ruleSet. */
class CelRulePublisherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SCHEMA =
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"currency\",\"type\":\"string\"}]}";
  private static RunningRegistry registry;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void start() {
    registry = RegistryConfig.forTests().start();
    client = SchemaRegistryClient.builder(registry.url()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    registry.close();
  }

  private static JsonNode call(String method, String path, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static CelTranslation translation(String values) throws Exception {
    ParsedSchema schema = Schemas.parse(SchemaFormat.AVRO, SCHEMA);
    return CelTranslator.translate(
        ContractReader.read(
            JSON.readTree(
                "{\"schemaRef\":\"orders\",\"quality\":[{\"field\":\"currency\","
                    + "\"rule\":\"accepted_values\",\"params\":{\"values\":\""
                    + values
                    + "\"}}]}")),
        schema);
  }

  @Test
  void shouldPublishReplaceOnlyItsOwnRulesAndChangeNothingWhenAlreadyThere() throws Exception {
    String subject = "orders-" + System.nanoTime() + "-value";
    String foreign =
        "{\"name\":\"teamRule\",\"kind\":\"CONDITION\",\"mode\":\"WRITE\",\"type\":\"CEL\","
            + "\"expr\":\"true\"}";
    call(
        "POST",
        "/subjects/" + subject + "/versions",
        JSON.createObjectNode()
            .put("schema", SCHEMA)
            .set("ruleSet", JSON.readTree("{\"domainRules\":[" + foreign + "]}"))
            .toString());
    CelRulePublisher publisher = new CelRulePublisher(client);

    assertThat(publisher.publish(subject, SCHEMA, translation("EUR,USD")))
        .isEqualTo(new Outcome.Published(2, 1));
    JsonNode rules = call("GET", "/subjects/" + subject + "/versions/latest", "").path("ruleSet");
    assertThat(rules.path("domainRules"))
        .extracting(r -> r.path("name").asText())
        .containsExactly("teamRule", "schemagate_accepted_values_currency");
    assertThat(rules.path("domainRules").get(1).path("expr").asText())
        .isEqualTo("message.currency in ['EUR', 'USD']");

    assertThat(publisher.publish(subject, SCHEMA, translation("EUR,USD")))
        .isEqualTo(new Outcome.Unchanged(2));
    assertThat(publisher.publish(subject, SCHEMA, translation("EUR")))
        .isEqualTo(new Outcome.Published(3, 1));
    assertThat(
            call("GET", "/subjects/" + subject + "/versions/latest", "")
                .path("ruleSet")
                .path("domainRules")
                .get(1)
                .path("expr")
                .asText())
        .isEqualTo("message.currency in ['EUR']");
  }

  @Test
  void shouldSkipWhenTheLatestVersionHoldsAnotherSchemaAndFailCleanlyWhenUnreachable()
      throws Exception {
    String subject = "orders-" + System.nanoTime() + "-value";
    call(
        "POST",
        "/subjects/" + subject + "/versions",
        JSON.createObjectNode().put("schema", SCHEMA).toString());
    CelRulePublisher publisher = new CelRulePublisher(client);
    assertThat(publisher.publish(subject, "{\"type\":\"string\"}", translation("EUR")))
        .isInstanceOf(Outcome.Skipped.class);
    assertThat(publisher.publish("nobody-" + System.nanoTime(), SCHEMA, translation("EUR")))
        .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.reason()).contains("404"));
    try (SchemaRegistryClient unreachable =
        SchemaRegistryClient.builder("http://127.0.0.1:1")
            .maxBlock(Duration.ofSeconds(2))
            .failFastFor(Duration.ZERO)
            .build()) {
      assertThat(new CelRulePublisher(unreachable).publish(subject, SCHEMA, translation("EUR")))
          .isInstanceOfSatisfying(
              Outcome.Failed.class, f -> assertThat(f.reason()).contains("unreachable"));
    }
    assertThat(CelRulePublisher.disabled().publish(subject, SCHEMA, translation("EUR")))
        .isInstanceOf(Outcome.Skipped.class);
  }

  @Test
  void shouldPublishWithTheOperatorsCredentialsAndSayWhenTheyAreRefused(@TempDir Path dir)
      throws Exception {
    Path authFile = dir.resolve("auth.yaml");
    Files.writeString(
        authFile,
        """
        users:
          - name: schemagate-platform
            passwordHash: "%s"
            grants: [{role: admin}]
        """
            .formatted(PasswordCheck.hash("right".toCharArray())));
    String subject = "orders-" + System.nanoTime() + "-value";
    try (RunningRegistry secured =
            RegistryConfig.forTests().security(SecurityConfig.NONE.withAuthFile(authFile)).start();
        SchemaRegistryClient operator =
            SchemaRegistryClient.builder(secured.url())
                .basicAuth("schemagate-platform", "right")
                .build();
        SchemaRegistryClient wrong =
            SchemaRegistryClient.builder(secured.url())
                .basicAuth("schemagate-platform", "wrong")
                .maxBlock(Duration.ofSeconds(5))
                .build()) {
      operator.register(
          subject,
          dev.schemagate.registry.client.SchemaSubmission.of(SchemaFormat.AVRO, SCHEMA),
          false);

      assertThat(new CelRulePublisher(operator).publish(subject, SCHEMA, translation("EUR")))
          .isEqualTo(new Outcome.Published(2, 1));
      assertThat(new CelRulePublisher(wrong).publish(subject, SCHEMA, translation("USD")))
          .isInstanceOfSatisfying(
              Outcome.Failed.class,
              f -> assertThat(f.reason()).contains("refused the operator's credentials"));
    }
  }
}
