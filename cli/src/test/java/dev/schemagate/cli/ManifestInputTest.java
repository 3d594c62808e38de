package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, defect 4: {@code compat} and {@code fingerprint} read the repository's own DataSchema
 * samples (inline, and from a ConfigMap in the same file or one beside it).
 */
class ManifestInputTest {
  static final Path SAMPLES = Path.of("..", "schemas");

  @TempDir Path dir;

  static String sample(String name) {
    return SAMPLES.resolve(name).toString();
  }

  @Test
  void shouldCheckTheOrdersSamplesWithTheirInlineSchemas() {
    CliRun compatible =
        CliRun.of("compat", sample("orders/orders-v1.yaml"), sample("orders/orders-v2.yaml"));
    CliRun breaking =
        CliRun.of(
            "compat",
            sample("orders/orders-v1.yaml"),
            sample("orders/orders-v2.yaml"),
            sample("orders/orders-v3-BREAKING.yaml"));

    assertThat(compatible.exitCode()).as(compatible.err()).isZero();
    assertThat(breaking.exitCode()).as(breaking.err()).isEqualTo(1);
    assertThat(breaking.out())
        .contains("BREAKING /fields/customerId/type TYPE_CHANGED")
        .contains("BREAKING /fields/warehouseId FIELD_ADDED");
  }

  @Test
  void shouldReadTheSchemaFromTheConfigMapInTheSameFile() {
    CliRun compatible =
        CliRun.of(
            "compat",
            sample("user-events/user-events-v1.yaml"),
            sample("user-events/user-events-v2.yaml"));
    CliRun breaking =
        CliRun.of(
            "compat",
            sample("user-events/user-events-v2.yaml"),
            sample("user-events/user-events-v3-BREAKING.yaml"));

    assertThat(compatible.exitCode()).as(compatible.err()).isZero();
    assertThat(breaking.exitCode()).as(breaking.err()).isEqualTo(1);
  }

  @Test
  void shouldFingerprintAManifestAsItsSchemaText() throws IOException {
    Path raw = dir.resolve("user-events.json");
    Files.writeString(raw, configMapText(sample("user-events/user-events-v1.yaml")));

    CliRun manifest = CliRun.of("fingerprint", sample("user-events/user-events-v1.yaml"));
    CliRun plain = CliRun.of("fingerprint", raw.toString());

    assertThat(manifest.exitCode()).as(manifest.err()).isZero();
    assertThat(manifest.out().split("\\s+")[0])
        .startsWith("sha256:")
        .isEqualTo(plain.out().split("\\s+")[0]);
  }

  @Test
  void shouldFindTheConfigMapInAFileBesideTheManifest() throws IOException {
    String both = Files.readString(Path.of(sample("user-events/user-events-v1.yaml")));
    int split = both.indexOf("---");
    Files.writeString(dir.resolve("configmap.yaml"), both.substring(0, split));
    Files.writeString(dir.resolve("dataschema.yaml"), both.substring(split));
    Files.writeString(dir.resolve("unrelated.yaml"), "a: [unclosed");

    CliRun run = CliRun.of("fingerprint", dir.resolve("dataschema.yaml").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            CliRun.of("fingerprint", sample("user-events/user-events-v1.yaml"))
                .out()
                .replace(
                    sample("user-events/user-events-v1.yaml"),
                    dir.resolve("dataschema.yaml").toString()));
  }

  @Test
  void shouldNameTheMissingConfigMap() throws IOException {
    String both = Files.readString(Path.of(sample("user-events/user-events-v1.yaml")));
    Files.writeString(dir.resolve("dataschema.yaml"), both.substring(both.indexOf("---")));

    CliRun run = CliRun.of("fingerprint", dir.resolve("dataschema.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("DataSchema user-events-value reads ConfigMap identity/user-events-schema");
  }

  @Test
  void shouldNameTheFileAndLineOfMalformedYaml() throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(
        broken, "apiVersion: schemagate.dev/v1alpha1\nkind: DataSchema\nspec:\n  format: [AVRO\n");

    CliRun run = CliRun.of("compat", broken.toString(), sample("orders/orders-v1.yaml"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains(broken + ": malformed YAML at line").doesNotContain("Exception");
  }

  @Test
  void shouldRefuseAYamlFileWithoutADataSchema() {
    CliRun run = CliRun.of("fingerprint", Path.of("..", "contracts", "orders.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("holds no DataSchema");
  }

  @Test
  void shouldPrintTheUsageWhenRunWithoutArguments() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("Usage: schemagate")
        .contains("compat", "fingerprint", "diff", "promote", "export", "dlq");
  }

  private static String configMapText(String manifest) throws IOException {
    String text = Files.readString(Path.of(manifest));
    String body =
        text.substring(
            text.indexOf("schema.json: |") + "schema.json: |".length(), text.indexOf("---"));
    return body.lines()
        .map(l -> l.length() >= 4 ? l.substring(4) : l.strip())
        .reduce("", (a, b) -> a + b + "\n");
  }
}
