package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.cli.diff.MarkdownReport;
import dev.schemagate.cli.manifest.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * GitHub Actions cannot run here: this checks what can be checked of {@code action.yml} and the
 * example workflow without it (they parse, every input and step output they use is declared, the
 * script they load exists and shares the CLI's comment marker). The comment logic itself is tested
 * by {@code node --test .github/schemagate/}.
 */
class ActionYamlTest {
  static final Path ROOT = Path.of("..");

  @Test
  void shouldDeclareEveryInputAndStepOutputTheActionUses() throws IOException {
    String text = Files.readString(ROOT.resolve("action.yml"));
    JsonNode action = YamlDocuments.parse("action.yml", text).getFirst().root();

    assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
    Set<String> inputs = new HashSet<>();
    action.path("inputs").fieldNames().forEachRemaining(inputs::add);
    assertThat(referenced(text, "inputs\\.([a-z-]+)")).isSubsetOf(inputs);
    Set<String> stepIds = new HashSet<>();
    for (JsonNode step : action.path("runs").path("steps")) {
      if (step.has("run")) {
        assertThat(step.path("shell").asText()).as(step.path("name").asText()).isEqualTo("bash");
      }
      if (step.has("id")) {
        stepIds.add(step.path("id").asText());
      }
    }
    assertThat(referenced(text, "steps\\.([a-z-]+)\\.outputs")).isSubsetOf(stepIds);
  }

  @Test
  void shouldLoadTheTestedScriptWhoseMarkerIsTheCliMarker() throws IOException {
    String text = Files.readString(ROOT.resolve("action.yml"));
    Path script = ROOT.resolve(".github/schemagate/gate.js");

    assertThat(text).contains("/.github/schemagate/gate.js");
    assertThat(Files.readString(script))
        .contains("const MARKER = '" + MarkdownReport.MARKER + "';");
  }

  @Test
  void shouldRunTheActionOnThisRepositorysSchemasAndContracts() throws IOException {
    Path file = ROOT.resolve(".github/workflows/schema-gate.yml");
    JsonNode workflow =
        YamlDocuments.parse(file.toString(), Files.readString(file)).getFirst().root();

    assertThat(workflow.path("on").path("pull_request").path("paths").toString())
        .contains("schemas/**", "contracts/**");
    assertThat(workflow.path("permissions").path("pull-requests").asText()).isEqualTo("write");
    JsonNode steps = workflow.path("jobs").path("gate").path("steps");
    assertThat(steps.get(0).path("with").path("fetch-depth").asText()).isEqualTo("0");
    assertThat(steps.get(1).path("uses").asText()).isEqualTo("./");
    assertThat(steps.get(1).path("with").path("paths").asText()).isEqualTo("schemas contracts");
  }

  private static Set<String> referenced(String text, String regex) {
    Set<String> names = new HashSet<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
