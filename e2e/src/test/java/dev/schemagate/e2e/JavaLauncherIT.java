package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's commands go through {@code bin/mvn} and {@code bin/java}: on a machine whose default
 * {@code java} (and {@code JAVA_HOME}) is 17, they still run a JDK 21 or newer. The old JDK is a
 * stand-in that reports 17, so this holds on any machine.
 */
class JavaLauncherIT {

  @Test
  void shouldRunTheReadmesCommandsOnAJdk21OrNewerWhenTheDefaultJavaIs17() throws Exception {
    Path old = Files.createTempDirectory("schemagate-jdk17-");
    Path bin = Files.createDirectories(old.resolve("bin"));
    for (String tool : new String[] {"java", "javac"}) {
      Path script = bin.resolve(tool);
      Files.writeString(
          script,
          """
          #!/bin/sh
          echo '    java.specification.version = 17' >&2
          echo 'openjdk version "17.0.15"' >&2
          """);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    String path = bin + ":" + System.getenv("PATH");

    String java =
        run(
            old,
            path,
            Repo.root().resolve("bin/java").toString(),
            "-XshowSettings:properties",
            "-version");
    assertThat(specificationVersion(java)).isGreaterThanOrEqualTo(21);

    String maven = run(old, path, Repo.root().resolve("bin/mvn").toString(), "--version");
    assertThat(maven).containsPattern("Java version: (2[1-9]|[3-9][0-9])");
  }

  private static int specificationVersion(String output) {
    return output
        .lines()
        .filter(line -> line.trim().startsWith("java.specification.version = "))
        .map(line -> Integer.parseInt(line.substring(line.indexOf('=') + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no java.specification.version in\n" + output));
  }

  private static String run(Path javaHome, String path, String... command) throws Exception {
    Path out = Files.createTempFile("launcher", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("PATH", path);
    builder.environment().remove("MAVEN_OPTS");
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(out);
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
