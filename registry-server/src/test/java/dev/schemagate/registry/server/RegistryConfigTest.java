package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryConfigTest {

  @Test
  void shouldDefaultToPort8081EmbeddedDatabaseAndNoRedis() {
    RegistryConfig config = RegistryConfig.fromEnvironment(Map.of(), List.of());
    assertThat(config.port()).isEqualTo(8081);
    assertThat(config.database()).isEmpty();
    assertThat(config.redisUrl()).isEmpty();
    assertThat(config.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".schemagate"));
  }

  @Test
  void shouldReadEnvironmentAndLetFlagsOverride() {
    RegistryConfig config =
        RegistryConfig.fromEnvironment(
            Map.of(
                "SCHEMAGATE_PORT", "9000",
                "SCHEMAGATE_DB_URL", "jdbc:postgresql://db:5432/registry",
                "SCHEMAGATE_DB_USER", "sg",
                "SCHEMAGATE_DB_PASSWORD", "secret",
                "SCHEMAGATE_REDIS_URL", "redis://cache:6379",
                "SCHEMAGATE_DATA_DIR", "/var/lib/sg",
                "PATH", "/usr/bin"),
            List.of("--port=9100", "--redis-url=redis://other:6380"));
    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.database())
        .hasValueSatisfying(
            db -> {
              assertThat(db.url()).isEqualTo("jdbc:postgresql://db:5432/registry");
              assertThat(db.user()).isEqualTo("sg");
              assertThat(db.password()).isEqualTo("secret");
              assertThat(db.toString()).doesNotContain("secret");
            });
    assertThat(config.redisUrl())
        .hasValueSatisfying(uri -> assertThat(uri.getHost()).isEqualTo("other"));
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/sg"));
  }

  @Test
  void shouldRefuseBadValuesWithAMessageNamingThem() {
    assertThatThrownBy(
            () -> RegistryConfig.fromEnvironment(Map.of("SCHEMAGATE_PORT", "http"), List.of()))
        .hasMessageContaining("port (SCHEMAGATE_PORT / --port) must be a number, got 'http'");
    assertThatThrownBy(
            () -> RegistryConfig.fromEnvironment(Map.of("SCHEMAGATE_LOG_LEVEL", "loud"), List.of()))
        .hasMessage(
            "SCHEMAGATE_LOG_LEVEL='loud' must be one of trace, debug, info, warn, error, off");
    assertThatThrownBy(() -> RegistryConfig.fromEnvironment(Map.of(), List.of("--port=70000")))
        .hasMessageContaining("between 0 and 65535");
    assertThatThrownBy(() -> RegistryConfig.fromEnvironment(Map.of(), List.of("--colour=blue")))
        .hasMessageContaining("unknown flag(s) [colour]");
    assertThatThrownBy(() -> RegistryConfig.fromEnvironment(Map.of(), List.of("8081")))
        .hasMessageContaining("--name=value");
    assertThatThrownBy(
            () ->
                RegistryConfig.fromEnvironment(
                    Map.of("SCHEMAGATE_REDIS_URL", "cache:6379"), List.of()))
        .hasMessageContaining("redis://host:6379");
  }

  @Test
  void shouldReadTheSeverityPolicyPathWithTheOtherSettings() {
    assertThat(RegistryConfig.fromEnvironment(Map.of(), List.of()).severityPolicy()).isEmpty();
    assertThat(
            RegistryConfig.fromEnvironment(
                    Map.of("SCHEMAGATE_SEVERITY_POLICY", "/etc/sg/policy.yaml"), List.of())
                .severityPolicy())
        .contains(Path.of("/etc/sg/policy.yaml"));
    assertThat(
            RegistryConfig.fromEnvironment(
                    Map.of("SCHEMAGATE_SEVERITY_POLICY", "/etc/sg/policy.yaml"),
                    List.of("--severity-policy=/tmp/other.json"))
                .severityPolicy())
        .contains(Path.of("/tmp/other.json"));
  }

  @Test
  void shouldRefuseToStartWithASeverityPolicyItCannotRead(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> RegistryConfig.forTests().severityPolicy(missing).start().close())
        .hasMessageContaining("SCHEMAGATE_SEVERITY_POLICY")
        .hasMessageContaining(missing.toString());
    Path invalid = Files.writeString(dir.resolve("invalid.yaml"), "rules: [oops");
    assertThatThrownBy(() -> RegistryConfig.forTests().severityPolicy(invalid).start().close())
        .hasMessageContaining("SCHEMAGATE_SEVERITY_POLICY (" + invalid + ")");
  }
}
