package dev.schemagate.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.core.config.ConfigException;
import dev.schemagate.core.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials read once into a server's configuration, and applied to the clients it builds. */
class RegistryAccessTest {

  private static RegistryAccess read(Map<String, String> env) {
    return RegistryAccess.from(Settings.of(env));
  }

  @Test
  void shouldSendTheBasicCredentialsReadAtStartUp() throws Exception {
    RegistryAccess access =
        read(Map.of("SCHEMAGATE_REGISTRY_USER", "operator", "SCHEMAGATE_REGISTRY_PASSWORD", "pw"));
    try (FakeRegistry registry = FakeRegistry.start();
        SchemaRegistryClient client =
            SchemaRegistryClient.builder(registry.url())
                .access(access)
                .maxBlock(Duration.ofSeconds(5))
                .build()) {
      registry.then(200, "[]");
      assertThat(client.subjects()).isEmpty();
      assertThat(registry.last().header("Authorization")).isEqualTo("Basic b3BlcmF0b3I6cHc=");
    }
    assertThat(access.toString()).doesNotContain("pw");
  }

  @Test
  void shouldReadATokenFileOrNothing(@TempDir Path dir) throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "t0k3n\n");
    assertThat(
            read(Map.of("SCHEMAGATE_REGISTRY_TOKEN_FILE", token.toString()))
                .credentials()
                .authorization())
        .contains("Bearer t0k3n");
    assertThat(read(Map.of())).isEqualTo(RegistryAccess.none());
  }

  @Test
  void shouldStopStartUpNamingTheVariableAtFault(@TempDir Path dir) throws Exception {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "SCHEMAGATE_REGISTRY_USER", "a", "SCHEMAGATE_REGISTRY_TOKEN_FILE", "/t")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.variable()).isEqualTo("SCHEMAGATE_REGISTRY_TOKEN_FILE"));
    assertThatThrownBy(() -> read(Map.of("SCHEMAGATE_REGISTRY_PASSWORD", "x")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.variable()).isEqualTo("SCHEMAGATE_REGISTRY_PASSWORD");
              assertThat(e.getMessage()).contains("SCHEMAGATE_REGISTRY_USER is not");
            });
    Path notPem = dir.resolve("ca.pem");
    Files.writeString(notPem, "not a certificate");
    assertThatThrownBy(() -> read(Map.of("SCHEMAGATE_REGISTRY_CA_FILE", notPem.toString())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.variable()).isEqualTo("SCHEMAGATE_REGISTRY_CA_FILE");
              assertThat(e.getMessage()).startsWith("SCHEMAGATE_REGISTRY_CA_FILE: ");
            });
  }
}
