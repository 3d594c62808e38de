package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schemagate export dbt} on the repository's sample contracts and schemas. Runs the command
 * mounted under the real {@code schemagate} command line, as Main does once it lists it.
 */
class ExportDbtCommandTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out);
    PrintWriter errWriter = new PrintWriter(err);
    var commandLine = Schemagate.commandLine(outWriter, errWriter);
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void shouldExportTheOrdersContractFromTheSamples() throws Exception {
    Run run =
        run(
            "export",
            "dbt",
            "--contract",
            ROOT.resolve("contracts/orders.yaml").toString(),
            "--schema",
            ROOT.resolve("schemas/orders/orders-v2.yaml").toString());

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode model = new ObjectMapper(new YAMLFactory()).readTree(run.out()).at("/models/0");
    assertThat(model.get("name").asText()).isEqualTo("stg_orders");
    assertThat(model.at("/config/contract/enforced").asBoolean()).isTrue();
    assertThat(model.at("/columns/2/name").asText()).isEqualTo("amount");
    assertThat(model.at("/columns/2/data_type").asText()).isEqualTo("numeric");
    assertThat(model.at("/columns/2/constraints/1/expression").asText())
        .isEqualTo("amount >= 0 and amount <= 1000000");
  }

  @Test
  void shouldReadAJsonSchemaFromTheConfigMapInTheSameFileAndWriteAFile() throws Exception {
    Path out = dir.resolve("schema.yml");

    Run run =
        run(
            "export",
            "dbt",
            "--contract",
            ROOT.resolve("contracts/user-events.yaml").toString(),
            "--schema",
            ROOT.resolve("schemas/user-events/user-events-v2.yaml").toString(),
            "--model",
            "users",
            "-o",
            out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode model =
        new ObjectMapper(new YAMLFactory()).readTree(Files.readString(out)).at("/models/0");
    assertThat(model.get("name").asText()).isEqualTo("users");
    assertThat(model.at("/columns/0/name").asText()).isEqualTo("eventId");
  }

  @Test
  void shouldRefuseAContractThatNamesFieldsTheSchemaLacks() {
    Run run =
        run(
            "export",
            "dbt",
            "--contract",
            ROOT.resolve("contracts/orders.yaml").toString(),
            "--schema",
            ROOT.resolve("schemas/orders/orders-v1.yaml").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("consumers[2].fields[2]", "channel").doesNotContain("Exception");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void shouldRefuseMissingAndGarbageFilesWithOneLine() throws Exception {
    Path garbage = dir.resolve("garbage.yaml");
    Files.write(garbage, new byte[] {'{', ':', 0x01, '[', ']', '"'});

    Run missing =
        run(
            "export",
            "dbt",
            "--contract",
            dir.resolve("nope.yaml").toString(),
            "--schema",
            garbage.toString());
    Run bad =
        run("export", "dbt", "--contract", garbage.toString(), "--schema", garbage.toString());
    Run noTarget = run("export");

    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.yaml: no such file");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("garbage.yaml").doesNotContain("at com.");
    assertThat(noTarget.code()).isEqualTo(2);
    assertThat(noTarget.err()).contains("schemagate export dbt");
  }
}
