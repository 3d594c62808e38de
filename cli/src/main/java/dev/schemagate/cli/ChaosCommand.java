package dev.schemagate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code schemagate chaos ...}: runs the chaos jar ({@code schemagate-chaos.jar}) with the same
 * arguments and returns its exit code. The experiments start a Kafka broker, PostgreSQL and Redis
 * in-process, which would triple the size of this CLI jar for one command, so they ship as a jar of
 * their own, found through {@code SCHEMAGATE_CHAOS_JAR}, beside this jar, or in a source checkout.
 */
@Command(
    name = "chaos",
    description = {
      "Run chaos experiments (delegates to schemagate-chaos.jar): `schemagate chaos run"
          + " [EXPERIMENT...] --report DIR`, `schemagate chaos list`, `schemagate chaos --help`."
    })
final class ChaosCommand implements Callable<Integer> {
  static final String JAR_ENV = "SCHEMAGATE_CHAOS_JAR";
  static final String JAR_NAME = "schemagate-chaos.jar";

  @Parameters(arity = "0..*", paramLabel = "ARGS")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path jar =
        locate(System.getenv(), cliJarDirectory(), Path.of(""))
            .orElseThrow(
                () ->
                    new CliException(
                        CliException.Reason.USAGE,
                        ("the chaos runner is a separate jar (%s) and none was found: set %s, put it"
                                + " beside schemagate.jar, or build it with ./mvnw -pl chaos -am"
                                + " package -DskipTests")
                            .formatted(JAR_NAME, JAR_ENV)));
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
    command.addAll(args);
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  static Optional<Path> locate(Map<String, String> env, Optional<Path> cliJarDir, Path cwd) {
    String configured = env.get(JAR_ENV);
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (!Files.isRegularFile(path)) {
        throw new CliException(
            CliException.Reason.UNREADABLE_FILE, "%s=%s: no such file".formatted(JAR_ENV, path));
      }
      return Optional.of(path);
    }
    List<Path> candidates = new ArrayList<>();
    cliJarDir.ifPresent(dir -> candidates.add(dir.resolve(JAR_NAME)));
    candidates.add(cwd.resolve("chaos").resolve("target").resolve(JAR_NAME));
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }

  private static Optional<Path> cliJarDirectory() {
    try {
      Path location =
          Path.of(ChaosCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(location) ? Optional.of(location.getParent()) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
