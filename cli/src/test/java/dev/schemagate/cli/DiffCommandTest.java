package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.cli.diff.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schemagate diff} on real git repositories built with JGit: adds, compatible changes,
 * breaks, renames and deletions of schemas and contracts, a ConfigMap-sourced schema, raw files
 * mapped by {@code .schemagate.yaml}.
 */
class DiffCommandTest {
  static final String ORDERS = "schemas/orders/orders.yaml";
  static final String EVENTS_CM = "schemas/user-events/configmap.yaml";
  static final String EVENTS_DS = "schemas/user-events/dataschema.yaml";
  static final String CONTRACT = "contracts/orders.yaml";

  @TempDir Path dir;
  GitFixture git;

  @BeforeEach
  void baseCommit() throws IOException {
    git = GitFixture.init(dir);
    git.copySample("schemas/orders/orders-v1.yaml", ORDERS);
    String events = Files.readString(Path.of("../schemas/user-events/user-events-v1.yaml"));
    git.write(EVENTS_CM, events.substring(0, events.indexOf("---")));
    git.write(EVENTS_DS, events.substring(events.indexOf("---")));
    git.copySample("contracts/orders.yaml", CONTRACT);
    git.write("README.md", "not a schema\n");
    git.commit("base");
    git.branch("base");
  }

  @AfterEach
  void close() {
    git.close();
  }

  CliRun diff(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(List.of("diff", "--repo", dir.toString(), "--base", "base"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void shouldPassACompatibleChangeAndSayWhatChanged() {
    git.copySample("schemas/orders/orders-v2.yaml", ORDERS).commit("v2");

    CliRun run = diff();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("<!-- schemagate-diff -->\n## ✅ schemagate: no breaking changes")
        .contains("### ✅ `orders-value` — changed · BACKWARD · `schemas/orders/orders.yaml`")
        .contains("/fields/channel")
        .contains("suggested version bump: **minor**");
  }

  @Test
  void shouldFailABreakingChangeAndPointAtTheLineOfTheField() throws IOException {
    git.copySample("schemas/orders/orders-v3-BREAKING.yaml", ORDERS).commit("v3");
    int customerIdLine = lineOf(ORDERS, "\"customerId\"");

    CliRun markdown = diff();
    CliRun github = diff("--format", "github");

    assertThat(markdown.exitCode()).as(markdown.err()).isEqualTo(1);
    assertThat(markdown.out())
        .contains("## ❌ schemagate: 2 breaking changes in 1 schema")
        .contains(
            "| ❌ breaking | `/fields/customerId/type` (line %d) | TYPE_CHANGED"
                .formatted(customerIdLine))
        .contains("suggested version bump: **major**");
    assertThat(github.exitCode()).isEqualTo(1);
    assertThat(github.out())
        .contains(
            "::error file=schemas/orders/orders.yaml,line=%d,title=schemagate%%3A orders-value TYPE_CHANGED::"
                .formatted(customerIdLine))
        .contains(
            "::error file=schemas/orders/orders.yaml,line=%d,"
                .formatted(lineOf(ORDERS, "\"warehouseId\"")));
  }

  @Test
  void shouldCheckTheDataSchemaBesideAConfigMapThatChangedAlone() throws IOException {
    String breaking =
        Files.readString(Path.of("../schemas/user-events/user-events-v3-BREAKING.yaml"));
    int start = breaking.indexOf("apiVersion: v1");
    git.write(EVENTS_CM, breaking.substring(start, breaking.indexOf("---", start))).commit("cm");

    CliRun run = diff("--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    JsonNode schema = report.get("schemas").get(0);
    assertThat(schema.get("subject").asText()).isEqualTo("user-events-value");
    assertThat(schema.get("configMap").asText())
        .isEqualTo("identity/user-events-schema:schema.json");
    assertThat(schema.get("changes").get(0).get("file").asText()).isEqualTo(EVENTS_CM);
    assertThat(schema.get("changes").get(0).get("breaking").asBoolean()).isTrue();
  }

  @Test
  void shouldFollowARenamedFileAndReportItAsMoved() {
    git.move(ORDERS, "schemas/checkout/orders.yaml").commit("move");

    CliRun run = diff();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("`orders-value` — moved")
        .contains("> moved from `schemas/orders/orders.yaml`");
  }

  @Test
  void shouldCheckARenamedFileThatAlsoBreaks() {
    git.delete(ORDERS)
        .copySample("schemas/orders/orders-v3-BREAKING.yaml", "schemas/checkout/orders.yaml")
        .commit("move and break");

    CliRun run = diff();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("`orders-value` — changed").contains("TYPE_CHANGED");
  }

  @Test
  void shouldReportADeletedSchemaAndContractAsWhatTheyAre() {
    git.delete(ORDERS).delete(CONTRACT).commit("delete");

    CliRun run = diff("--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("\"status\" : \"DELETED\"")
        .contains("\"type\" : \"SCHEMA_DELETED\"")
        .contains("\"id\" : \"orders/orders\"")
        .contains("contract deleted");
  }

  @Test
  void shouldReportContractChangesToRulesConsumersAndOwners() throws IOException {
    String contract = Files.readString(dir.resolve(CONTRACT));
    git.write(
            CONTRACT,
            contract
                .replace("  sla:", "    - {field: amount, rule: not_null}\n  sla:")
                .replace(
                    "    - {name: order-notifications, kind: service, fields: [orderId, customerId, status], criticality: medium, owner: crm}\n",
                    "")
                .replace(
                    "escalation: checkout-leads@acme.example", "escalation: payments@acme.example"))
        .commit("contract");

    CliRun run = diff();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "#### `orders/orders` — changed · schema `orders-value` · `contracts/orders.yaml`")
        .contains("⚠️ quality rule added: not_null on amount")
        .contains("⚠️ consumer removed: order-notifications")
        .contains("owner changed from");
    CliRun github = diff("--format", "github");
    assertThat(github.exitCode()).isZero();
    assertThat(github.out())
        .contains(
            "::warning file=contracts/orders.yaml,line=%d,title=schemagate%%3A contract orders/orders::quality rule added: not_null on amount"
                .formatted(lineOf(CONTRACT, "{field: amount, rule: not_null}")))
        .doesNotContain("::error");
  }

  @Test
  void shouldAddANewSchemaWithoutBreakingAnything() {
    git.copySample("schemas/orders/orders-v1.yaml", "schemas/refunds/refunds.yaml")
        .write(
            "schemas/refunds/refunds.yaml",
            readSample("schemas/orders/orders-v1.yaml")
                .replace("subject: orders-value", "subject: refunds-value"))
        .commit("add");

    CliRun run = diff();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("`refunds-value` — added");
  }

  @Test
  void shouldMapRawSchemaFilesToSubjectsWithTheConfigFile() {
    String v1 =
        "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[\n"
            + "  {\"name\":\"id\",\"type\":\"string\"},\n"
            + "  {\"name\":\"cents\",\"type\":\"long\"}\n]}\n";
    git.write(
            ".schemagate.yaml",
            "schemas:\n  - path: \"avro/*.avsc\"\n    subject: \"{name}-value\"\n    compatibility: FULL\n")
        .write("avro/payments.avsc", v1)
        .write("avro/ignored.txt", "x")
        .commit("raw v1");
    git.branch("raw-base");
    git.write("avro/payments.avsc", v1.replace("\"long\"", "\"int\"")).commit("narrow");

    CliRun run =
        CliRun.of("diff", "--repo", dir.toString(), "--base", "raw-base", "--format", "github");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("::error file=avro/payments.avsc,line=3,title=schemagate%3A payments-value");
  }

  @Test
  void shouldPairEachFileOfASubjectDeclaredInSeveralFiles() {
    git.copySample("schemas/orders/orders-v2.yaml", "versions/orders-v2.yaml")
        .copySample("schemas/orders/orders-v3.yaml", "versions/orders-v3.yaml")
        .commit("versions");
    git.branch("versions");
    git.write("versions/orders-v2.yaml", readSample("schemas/orders/orders-v2.yaml") + "# note\n")
        .copySample("schemas/orders/orders-v3-BREAKING.yaml", "versions/orders-v3.yaml")
        .commit("break v3 only");

    CliRun run = CliRun.of("diff", "--repo", dir.toString(), "--base", "versions");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("### ❌ `orders-value` — changed · BACKWARD · `versions/orders-v3.yaml`")
        .doesNotContain("versions/orders-v2.yaml");
  }

  @Test
  void shouldLimitTheDiffToTheGivenPaths() {
    git.copySample("schemas/orders/orders-v3-BREAKING.yaml", ORDERS).commit("v3");

    CliRun run = diff("contracts");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("no schema or contract changed");
  }

  @Test
  void shouldExitTwoNamingTheFileAndLineOfMalformedYamlInHead() {
    git.write(ORDERS, "apiVersion: schemagate.dev/v1alpha1\nkind: DataSchema\nspec: {format: [\n")
        .commit("broken");

    CliRun run = diff();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("schemagate diff: in HEAD: schemas/orders/orders.yaml: malformed YAML at line");
  }

  @Test
  void shouldExitTwoNamingTheFileOfMalformedYamlInBase() {
    git.write(ORDERS, "kind: DataSchema\n  bad: indentation\n").commit("broken");
    git.branch("broken");
    git.copySample("schemas/orders/orders-v1.yaml", ORDERS).commit("fixed");

    CliRun run = CliRun.of("diff", "--repo", dir.toString(), "--base", "broken");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "schemagate diff: in broken: schemas/orders/orders.yaml: malformed YAML at line 2");
  }

  @Test
  void shouldIgnoreYamlThatIsNotAManifestAndDoesNotParse() {
    git.write(
            "helm/templates/configmap.yaml",
            "apiVersion: v1\nkind: ConfigMap\ndata:\n{{- toYaml .Values.data | nindent 2 }}\n")
        .commit("helm");

    CliRun run = diff();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("no schema or contract changed");
  }

  static final String ADDRESS =
      """
      apiVersion: schemagate.dev/v1alpha1
      kind: DataSchema
      metadata: {name: address-value, namespace: shop}
      spec:
        format: AVRO
        schema: |
          {"type": "record", "name": "Address", "namespace": "com.acme",
           "fields": [{"name": "city", "type": "string"}]}
      """;

  static String customer(String extraField) {
    return """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataSchema
        metadata: {name: customer-value, namespace: shop}
        spec:
          format: AVRO
          references: [{name: com.acme.Address, subject: address-value, version: 1}]
          schema: |
            {"type": "record", "name": "Customer", "namespace": "com.acme", "fields": [
              {"name": "id", "type": "string"},
              {"name": "address", "type": "com.acme.Address"}%s
            ]}
        """
        .formatted(extraField);
  }

  @Test
  void shouldResolveReferencesToDataSchemasBesideTheManifest() {
    git.write("schemas/shop/address.yaml", ADDRESS)
        .write("schemas/shop/customer.yaml", customer(""))
        .commit("references");
    git.branch("refs-base");
    git.write(
            "schemas/shop/customer.yaml",
            customer(",\n      {\"name\": \"vip\", \"type\": \"boolean\"}"))
        .commit("break");

    CliRun run = CliRun.of("diff", "--repo", dir.toString(), "--base", "refs-base");
    CliRun compat =
        CliRun.of(
            "compat",
            dir.resolve("schemas/shop/customer.yaml").toString(),
            dir.resolve("schemas/shop/customer.yaml").toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("`/fields/vip` (line").doesNotContain("SCHEMA_INVALID");
    assertThat(compat.exitCode()).as(compat.err()).isZero();
  }

  @Test
  void shouldExitTwoNamingAReferenceThatIsNowhereBeside() {
    git.write("schemas/shop/customer.yaml", customer("")).commit("dangling reference");

    CliRun run = diff();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "DataSchema customer-value references subject address-value (as com.acme.Address)");
  }

  @Test
  void shouldExitTwoOnAnUnknownRef() {
    CliRun run = CliRun.of("diff", "--repo", dir.toString(), "--base", "no-such-branch");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .containsExactly(
            "schemagate diff: unknown ref 'no-such-branch': no such branch, tag or commit");
  }

  @Test
  void shouldExitTwoOutsideARepository(@TempDir Path empty) {
    CliRun run = CliRun.of("diff", "--repo", empty.toString(), "--base", "main");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not a git repository").doesNotContain("Exception");
  }

  private int lineOf(String path, String needle) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(path));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle + " not in " + path);
  }

  private static String readSample(String sample) {
    try {
      return Files.readString(Path.of("..").resolve(sample));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
