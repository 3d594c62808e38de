package dev.schemagate.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module READMEs true: every {@code SCHEMAGATE_*} variable a module's main code reads is
 * named in that module's README.md. Lives in core so it runs early in every {@code ./mvnw verify}
 * and scans the sources of all modules.
 */
class ReadmesListEveryVariableTest {
  /** A string literal that is exactly a variable name: how settings are read. */
  private static final Pattern LITERAL = Pattern.compile("\"(SCHEMAGATE_[A-Z0-9_]*[A-Z0-9])\"");

  /** Reads through the shared {@link Settings} that name their variable only once, in core. */
  private static final Map<Pattern, String> IMPLIED =
      Map.of(
          Pattern.compile("\\.logLevel\\(\\)"), Settings.LOG_LEVEL,
          Pattern.compile("\\b(env|settings)\\.environments\\(\\)"), Environments.VARIABLE);

  @Test
  void shouldListInEachModuleReadmeEveryVariableItsCodeReads() throws IOException {
    Path root = repositoryRoot();
    Map<String, Set<String>> missing = new TreeMap<>();
    List<String> scanned = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main"))).toList()) {
        scanned.add(module.getFileName().toString());
        Set<String> read = variablesRead(module.resolve("src/main"));
        Path readme = module.resolve("README.md");
        String text = Files.exists(readme) ? Files.readString(readme) : "";
        for (String variable : read) {
          if (!Pattern.compile("\\b" + variable + "\\b").matcher(text).find()) {
            missing
                .computeIfAbsent(module.getFileName() + "/README.md", k -> new TreeSet<>())
                .add(variable);
          }
        }
      }
    }

    assertThat(scanned).as("modules scanned").contains("operator", "webhooks", "registry-server");
    assertThat(missing).as("variables read by the code but not in the module's README").isEmpty();
  }

  @Test
  void shouldFindTheVariablesASourceReads() throws IOException {
    Path dir = Files.createTempDirectory("readme-scan");
    Files.writeString(
        dir.resolve("A.java"),
        """
        class A {
          String a = env.text("SCHEMAGATE_FOO_BAR", "x"); // "SCHEMAGATE_" alone is no variable
          Object b = env.logLevel();
          Object c = env.environments();
          String d = "see SCHEMAGATE_IN_PROSE"; // prose is not a read
        }
        """);

    assertThat(variablesRead(dir))
        .containsExactlyInAnyOrder(
            "SCHEMAGATE_FOO_BAR", "SCHEMAGATE_LOG_LEVEL", "SCHEMAGATE_ENVIRONMENTS");
  }

  private static Set<String> variablesRead(Path sources) throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(sources)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              f -> {
                String code = read(f);
                Matcher m = LITERAL.matcher(code);
                while (m.find()) {
                  found.add(m.group(1));
                }
                IMPLIED.forEach(
                    (call, variable) -> {
                      if (call.matcher(code).find()) {
                        found.add(variable);
                      }
                    });
              });
    }
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("core")))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
    return dir;
  }
}
