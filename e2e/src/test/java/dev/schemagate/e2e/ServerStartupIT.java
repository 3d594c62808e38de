package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three servers start the same way: {@code --help} lists the variables and exits 0; a setting
 * that cannot be used stops the jar with exit code 2 and one line naming the variable, without a
 * stack trace. Runs the real jars.
 */
class ServerStartupIT {
  private record Run(int exit, String out, String err) {}

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "registry-server/target/schemagate-registry.jar, schemagate-registry",
    "operator/target/schemagate-operator.jar, schemagate-operator",
    "webhooks/target/schemagate-webhooks.jar, schemagate-webhooks"
  })
  void shouldPrintItsUsageOnHelpListingTheLogLevel(String jar, String program) throws Exception {
    Run run = run(jar, List.of("--help"), Map.of());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("SCHEMAGATE_LOG_LEVEL");
  }

  @ParameterizedTest(name = "{0} {2}={3}")
  @CsvSource({
    "registry-server/target/schemagate-registry.jar, schemagate-registry, SCHEMAGATE_LOG_LEVEL, loud",
    "operator/target/schemagate-operator.jar, schemagate-operator, SCHEMAGATE_LOG_LEVEL, loud",
    "webhooks/target/schemagate-webhooks.jar, schemagate-webhooks, SCHEMAGATE_LOG_LEVEL, loud",
    "operator/target/schemagate-operator.jar, schemagate-operator, SCHEMAGATE_ENVIRONMENTS, 'dev,staging'",
    "webhooks/target/schemagate-webhooks.jar, schemagate-webhooks, SCHEMAGATE_ENVIRONMENTS, 'dev,staging'",
    "operator/target/schemagate-operator.jar, schemagate-operator, SCHEMAGATE_RETRY_INTERVAL, 10 seconds",
    "webhooks/target/schemagate-webhooks.jar, schemagate-webhooks, SCHEMAGATE_WEBHOOK_CACHE_TTL, 10 seconds"
  })
  void shouldStopWithOneLineNamingABadSettingAndExitCode2(
      String jar, String program, String variable, String value) throws Exception {
    Run run = run(jar, List.of(), Map.of(variable, value));

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().strip().lines().toList())
        .as(run.toString())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith(program + ": ").contains(variable));
    assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
  }

  private static Run run(String jarPath, List<String> args, Map<String, String> env)
      throws IOException, InterruptedException {
    Path jar = Repo.root().resolve(jarPath);
    assertThat(jar).as("its module packages it before e2e runs").isRegularFile();
    String java = ProcessHandle.current().info().command().orElse("java");
    Path out = Files.createTempFile(Path.of("target"), "startup-out-", ".log");
    Path err = Files.createTempFile(Path.of("target"), "startup-err-", ".log");
    var command = new java.util.ArrayList<>(List.of(java, "-Xmx128m", "-jar", jar.toString()));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("SCHEMAGATE_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(jarPath + " " + args + " did not stop within 60 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
