package dev.schemagate.registry.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.registry.server.SharedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our registry client (which the operator, webhooks, CLI and SDK use) with credentials. */
class ClientCredentialsTest {
  private static final String PASSWORD = "client-Pa55";
  private static final SchemaSubmission SCHEMA =
      SchemaSubmission.of(SchemaFormat.AVRO, "{\"type\":\"record\",\"name\":\"C\",\"fields\":[]}");

  @TempDir static Path dir;
  private static AuthServer idp;
  private static RunningRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    idp = new AuthServer();
    Path authFile = dir.resolve("auth.yaml");
    Files.writeString(
        authFile,
        """
        users:
          - name: ci
            passwordHash: "%s"
            grants: [{role: write, subjectPrefix: "client-"}]
          - name: svc-reader
            grants: [{role: read}]
          - name: svc-writer
            grants: [{role: write}]
        """
            .formatted(PasswordCheck.hash(PASSWORD.toCharArray())));
    registry =
        RegistryConfig.forTests()
            .database(SharedDatabase.config())
            .security(
                SecurityConfig.NONE
                    .withAuthFile(authFile)
                    .withJwks(idp.jwksUrl(), Optional.of(AuthServer.ISSUER), Optional.empty()))
            .start();
  }

  @AfterAll
  static void stop() {
    registry.close();
    idp.close();
  }

  @Test
  void shouldRegisterWithBasicCredentialsFromTheEnvironment() throws Exception {
    try (SchemaRegistryClient client =
        SchemaRegistryClient.builder(registry.url())
            .fromEnvironment(
                Map.of("SCHEMAGATE_REGISTRY_USER", "ci", "SCHEMAGATE_REGISTRY_PASSWORD", PASSWORD))
            .build()) {
      int id = client.register("client-basic", SCHEMA, false);
      assertThat(client.schemaById(id)).isPresent();
    }
  }

  @Test
  void shouldNameTheRefusalWhenCredentialsAreWrongOrMissing() {
    try (SchemaRegistryClient client =
        SchemaRegistryClient.builder(registry.url()).basicAuth("ci", "wrong").build()) {
      assertThatThrownBy(() -> client.register("client-wrong", SCHEMA, false))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_AUTHORIZED);
                assertThat(e.errorCode()).isEqualTo(40101);
              });
    }
    try (SchemaRegistryClient client =
        SchemaRegistryClient.builder(registry.url()).basicAuth("ci", PASSWORD).build()) {
      assertThatThrownBy(() -> client.register("payments-x", SCHEMA, false))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_AUTHORIZED);
                assertThat(e.errorCode()).isEqualTo(40301);
              });
    }
  }

  @Test
  void shouldReadTheBearerTokenFileAgainWhenItChanges() throws Exception {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, idp.token("svc-reader") + "\n");
    try (SchemaRegistryClient client =
        SchemaRegistryClient.builder(registry.url())
            .fromEnvironment(Map.of("SCHEMAGATE_REGISTRY_TOKEN_FILE", tokenFile.toString()))
            .build()) {
      assertThat(client.subjects()).isNotNull();
      assertThatThrownBy(() -> client.register("client-token", SCHEMA, false))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_AUTHORIZED);
                assertThat(e.errorCode()).isEqualTo(40301);
              });

      Path next = dir.resolve("token.next");
      Files.writeString(next, idp.token("svc-writer"));
      Files.move(next, tokenFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertThat(client.register("client-token", SCHEMA, false)).isPositive();
    }
  }
}
