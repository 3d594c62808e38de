package dev.schemagate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.registry.server.security.PasswordCheck;
import dev.schemagate.registry.server.security.SecurityConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schemagate check --registry URL} against a registry with authentication on: the {@code
 * --registry-user/--registry-password} flags reach the checkpoint call, and a wrong password is
 * named as a refusal, not an outage.
 */
class CheckPublishAuthTest {
  private static final String PASSWORD = "ci-Pa55word";
  @TempDir static Path home;
  static RunningRegistry registry;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    Path authFile = home.resolve("auth.yaml");
    Files.writeString(
        authFile,
        """
        users:
          - name: ci
            passwordHash: "%s"
            grants: [{role: write}]
        """
            .formatted(PasswordCheck.hash(PASSWORD.toCharArray())));
    registry =
        RegistryConfig.forTests().security(SecurityConfig.NONE.withAuthFile(authFile)).start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private CheckFileTest.Run check(String password) throws Exception {
    Path data = dir.resolve("orders.jsonl");
    Files.writeString(data, CheckFixtures.cleanJsonLines());
    return CheckFileTest.run(
        "check",
        "--contract",
        CheckFixtures.contract().toString(),
        "--source",
        data.toString(),
        "--registry",
        registry.url(),
        "--registry-user=ci",
        "--registry-password=" + password);
  }

  @Test
  void shouldRecordWithTheCredentialsGivenAsFlags() throws Exception {
    CheckFileTest.Run run = check(PASSWORD);

    assertThat(run.code()).as(run.err()).isZero();
    try (SchemaRegistryClient client =
        SchemaRegistryClient.builder(registry.url()).basicAuth("ci", PASSWORD).build()) {
      assertThat(client.checkpoints().latest("shop", "orders"))
          .hasValueSatisfying(c -> assertThat(c.verdict()).isEqualTo("PASSED"));
    }
  }

  @Test
  void shouldSayTheRegistryRefusedAWrongPassword() throws Exception {
    CheckFileTest.Run run = check("wrong");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "schemagate check: checkpoint not recorded in " + registry.url() + " (NOT_AUTHORIZED)");
  }
}
