package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Argo CD health checks on the objects kept in {@code gitops/argocd/health/testdata/} (status
 * objects the e2e suite's operator wrote; the suites also check live objects: Healthy in {@code
 * HelmInstallIT}, Degraded and Progressing in {@code OperatorIT}, Suspended in {@code
 * PromotionIT}), and the argocd-cm example embeds exactly these scripts.
 */
class ArgoCdHealthIT {
  private static final ObjectMapper YAML =
      new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Repo.root().resolve("gitops/argocd/health/testdata"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void shouldReportTheHealthNamedInTheSample(Path sample) throws IOException {
    ObjectNode resource = (ObjectNode) YAML.readTree(sample.toFile());
    String expected =
        resource
            .path("metadata")
            .path("annotations")
            .path("e2e.schemagate.dev/expected-health")
            .asText();
    assertThat(expected).as("sample %s names its expected health", sample).isNotBlank();
    assertThat(ArgoCdHealth.of(resource).status()).as(sample.toString()).isEqualTo(expected);
  }

  @Test
  void shouldSayProgressingUntilTheOperatorHasSeenTheCurrentGeneration() throws IOException {
    ObjectNode healthy =
        (ObjectNode)
            YAML.readTree(
                Repo.root()
                    .resolve("gitops/argocd/health/testdata/dataschema-healthy-payments.yaml")
                    .toFile());
    ((ObjectNode) healthy.get("metadata")).put("generation", 99);
    assertThat(ArgoCdHealth.of(healthy).status()).isEqualTo("Progressing");
    healthy.remove("status");
    assertThat(ArgoCdHealth.of(healthy))
        .isEqualTo(new ArgoCdHealth.Health("Progressing", "Waiting for the schemagate operator"));
  }

  @Test
  void shouldEmbedTheScriptsVerbatimInTheArgoCdConfigMapExample() {
    String configMap = Repo.read("gitops/argocd/argocd-cm-health.yaml");
    for (String kind : new String[] {"DataSchema", "DataContract", "Promotion"}) {
      String key = "resource.customizations.health.schemagate.dev_" + kind + ": |";
      assertThat(configMap).contains(key);
      String script = Repo.read(ArgoCdHealth.scriptPath(kind)).strip().indent(4);
      String after = configMap.substring(configMap.indexOf(key) + key.length() + 1);
      assertThat(after).as("%s's script in argocd-cm-health.yaml", kind).startsWith(script);
    }
  }
}
