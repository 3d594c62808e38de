package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosCommandTest {
  @TempDir Path dir;

  @Test
  void shouldPreferTheConfiguredJarThenTheOneBesideTheCliThenTheCheckout() throws Exception {
    Path configured = Files.writeString(dir.resolve("mine.jar"), "");
    Path beside = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(beside.resolve("schemagate-chaos.jar"), "");
    Path checkout = Files.createDirectories(dir.resolve("repo/chaos/target"));
    Files.writeString(checkout.resolve("schemagate-chaos.jar"), "");

    assertThat(
            ChaosCommand.locate(
                Map.of("SCHEMAGATE_CHAOS_JAR", configured.toString()), Optional.of(beside), dir))
        .contains(configured);
    assertThat(ChaosCommand.locate(Map.of(), Optional.of(beside), dir.resolve("repo")))
        .contains(beside.resolve("schemagate-chaos.jar"));
    assertThat(ChaosCommand.locate(Map.of(), Optional.empty(), dir.resolve("repo")))
        .contains(dir.resolve("repo/chaos/target/schemagate-chaos.jar"));
    assertThat(ChaosCommand.locate(Map.of(), Optional.empty(), dir)).isEmpty();
  }

  @Test
  void shouldNameTheVariableWhenTheConfiguredJarIsMissing() {
    assertThatThrownBy(
            () ->
                ChaosCommand.locate(
                    Map.of("SCHEMAGATE_CHAOS_JAR", "/nowhere/chaos.jar"), Optional.empty(), dir))
        .hasMessage("SCHEMAGATE_CHAOS_JAR=/nowhere/chaos.jar: no such file");
  }
}
