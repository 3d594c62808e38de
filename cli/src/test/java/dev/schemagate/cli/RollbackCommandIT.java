package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code schemagate rollback} against the real registry (embedded PostgreSQL underneath). */
class RollbackCommandIT {
  private static RunningRegistry registry;
  private static SchemaRegistryClient client;

  private static final String V1 =
      "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
  private static final String V2 =
      "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
          + "{\"name\":\"amount\",\"type\":\"long\",\"default\":0}]}";

  @BeforeAll
  static void startRegistry() {
    registry = RegistryConfig.forTests().start();
    client = SchemaRegistryClient.builder(registry.url()).build();
  }

  @AfterAll
  static void stopRegistry() {
    client.close();
    registry.close();
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int rollback(String subject) {
    return Schemagate.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute("rollback", subject, "--registry", registry.url());
  }

  @Test
  void shouldServeThePreviousVersionAgainAndKeepTheRolledBackIdReadable() throws Exception {
    client.setCompatibility("payments-value", CompatibilityLevel.BACKWARD);
    int v1 = client.register("payments-value", SchemaSubmission.of(SchemaFormat.AVRO, V1), false);
    int v2 = client.register("payments-value", SchemaSubmission.of(SchemaFormat.AVRO, V2), false);

    assertThat(rollback("payments-value")).as(err.toString()).isZero();

    try (var fresh = SchemaRegistryClient.builder(registry.url()).build()) {
      var latest = fresh.latest("payments-value").orElseThrow();
      assertThat(latest.version()).isEqualTo(1);
      assertThat(latest.id()).isEqualTo(v1);
      assertThat(fresh.versions("payments-value")).containsExactly(1);
      assertThat(fresh.schemaById(v2)).as("records written with v2 stay readable").isPresent();
      // Registering v2's schema again undoes the rollback.
      fresh.register("payments-value", SchemaSubmission.of(SchemaFormat.AVRO, V2), false);
      assertThat(fresh.latest("payments-value").orElseThrow().id()).isEqualTo(v2);
    }
    assertThat(out.toString())
        .isEqualTo(
            ("payments-value: version 2 (id %d) soft-deleted; version 1 (id %d) is served as"
                    + " latest. Id %d stays readable; to undo, register its schema again.%n")
                .formatted(v2, v1, v2));
  }

  @Test
  void shouldRefuseASubjectWithNothingToRollBackTo() throws Exception {
    client.register("single-value", SchemaSubmission.of(SchemaFormat.AVRO, V1), false);
    assertThat(rollback("single-value")).isEqualTo(Schemagate.INVALID_INPUT);
    assertThat(err.toString())
        .isEqualTo(
            "schemagate rollback: subject 'single-value' has only version 1: there is no previous"
                + " version to roll back to"
                + System.lineSeparator());
    assertThat(client.latest("single-value")).isPresent();
  }

  @Test
  void shouldRefuseAnUnknownSubject() {
    assertThat(rollback("nobody-value")).isEqualTo(Schemagate.INVALID_INPUT);
    assertThat(err.toString()).contains("subject 'nobody-value' not found at " + registry.url());
  }

  @Test
  void shouldFailCleanlyWhenTheRegistryIsUnreachable() {
    int code =
        Schemagate.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute("rollback", "payments-value", "--registry", "http://127.0.0.1:1");
    assertThat(code).isNotZero();
    assertThat(err.toString())
        .startsWith("schemagate rollback: ")
        .doesNotContain("Exception\n\tat");
  }
}
