package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every sample resource we ship applies with {@code kubectl apply -f}, as the README says. */
class SamplesIT {
  private static final Pattern NAMESPACE =
      Pattern.compile("(?m)^\\s+namespace:\\s*([a-z0-9-]+)\\s*$");

  private static Kubectl kubectl;

  @BeforeAll
  static void installCrds() {
    RealApiServer.get().ensureCrdsInstalled();
    kubectl = RealApiServer.get().kubectl();
  }

  static List<Path> samples() throws IOException {
    Path root = Repo.root();
    try (Stream<Path> files =
        Stream.of("schemas", "contracts")
            .map(root::resolve)
            .filter(Files::isDirectory)
            .flatMap(SamplesIT::walk)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }

  private static Stream<Path> walk(Path dir) {
    try {
      return Files.walk(dir).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> shouldApplyEverySampleWithKubectl() throws IOException {
    List<Path> samples = samples();
    assertThat(samples).as("samples under schemas/ and contracts/").isNotEmpty();
    return samples.stream()
        .map(
            sample ->
                DynamicTest.dynamicTest(
                    Repo.root().relativize(sample).toString(),
                    () -> {
                      String yaml = Files.readString(sample);
                      Matcher namespace = NAMESPACE.matcher(yaml);
                      while (namespace.find()) {
                        kubectl.run("create", "namespace", namespace.group(1));
                      }
                      Kubectl.Result applied = kubectl.run("apply", "-f", sample.toString());
                      assertThat(applied.ok()).as(applied.output()).isTrue();
                    }));
  }
}
