package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.contract.ContractReader;
import dev.schemagate.core.contract.ContractValidator;
import dev.schemagate.core.contract.ContractViolation;
import dev.schemagate.core.contract.InvalidContractException;
import dev.schemagate.core.contract.SchemaFields;
import dev.schemagate.core.dbt.DbtContractExporter;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schemagate export dbt --contract C --schema S}: the dbt model contract (a {@code models:}
 * properties file with {@code contract: {enforced: true}}, column data types and constraints) for a
 * data contract and its schema, the same file the operator writes into the contract's ConfigMap.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Exports what schemagate knows into other tools' formats.",
    subcommands = {ExportDbtCommand.Dbt.class})
public final class ExportDbtCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "say what to export: schemagate export dbt ...");
  }

  @Command(
      name = "dbt",
      mixinStandardHelpOptions = true,
      description = {
        "Writes the dbt model contract for a DataContract and its schema.",
        "CONTRACT is a DataContract resource (YAML) or its spec; SCHEMA is an .avsc or .json"
            + " schema file, or a DataSchema resource (YAML, with an inline schema or the"
            + " ConfigMap it reads in the same file). Exit 0 written, 2 invalid input."
      })
  static final class Dbt implements Callable<Integer> {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Spec CommandSpec spec;

    @Option(names = "--contract", required = true, paramLabel = "CONTRACT")
    Path contract;

    @Option(names = "--schema", required = true, paramLabel = "SCHEMA")
    Path schema;

    @Option(
        names = "--model",
        paramLabel = "NAME",
        description =
            "dbt model name; default: the contract's enforcement.dbtModel, else its schemaRef.")
    String model;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() {
      Contract parsedContract = contract();
      ParsedSchema parsedSchema = schema();
      List<ContractViolation> problems =
          ContractValidator.validate(parsedContract, SchemaFields.of(parsedSchema));
      if (!problems.isEmpty()) {
        throw invalid(contract + ": " + problems(problems));
      }
      String name =
          Optional.ofNullable(model)
              .or(() -> parsedContract.enforcement().flatMap(Contract.Enforcement::dbtModel))
              .orElse(parsedContract.schemaRef());
      String yaml = DbtContractExporter.export(name, parsedContract, parsedSchema);
      if (output == null) {
        spec.commandLine().getOut().print(yaml);
        spec.commandLine().getOut().flush();
      } else {
        try {
          Files.writeString(output, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new CliException(
              CliException.Reason.UNREADABLE_FILE, output + ": cannot write: " + e.getMessage());
        }
      }
      return Schemagate.OK;
    }

    private Contract contract() {
      JsonNode doc =
          yaml(contract).stream().findFirst().orElseThrow(() -> invalid(contract + ": empty"));
      JsonNode spec =
          doc.has("spec") && doc.path("kind").asText().equals("DataContract")
              ? doc.get("spec")
              : doc;
      try {
        return ContractReader.read(spec);
      } catch (InvalidContractException e) {
        throw invalid(contract + ": " + problems(e.violations()));
      }
    }

    private ParsedSchema schema() {
      String name =
          schema.getFileName() == null
              ? ""
              : schema.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
        return SchemaFile.load(schema, Optional.empty()).parse();
      }
      List<JsonNode> docs = yaml(schema);
      JsonNode resource =
          docs.stream()
              .filter(d -> d.path("kind").asText().equals("DataSchema"))
              .findFirst()
              .orElseThrow(() -> invalid(schema + ": no DataSchema resource in the file"));
      String formatText = resource.at("/spec/format").asText("AVRO");
      SchemaFormat format =
          SchemaFormat.fromConfluentType(formatText)
              .orElseThrow(() -> invalid(schema + ": unknown format '" + formatText + "'"));
      String text =
          resource.at("/spec/schema").isTextual()
              ? resource.at("/spec/schema").asText()
              : fromConfigMap(docs, resource);
      try {
        return Schemas.parse(format, text);
      } catch (InvalidSchemaException e) {
        throw new CliException(CliException.Reason.INVALID_SCHEMA, schema + ": " + e.getMessage());
      }
    }

    /** spec.schemaFrom.configMapKeyRef, resolved against a ConfigMap in the same file. */
    private String fromConfigMap(List<JsonNode> docs, JsonNode resource) {
      JsonNode ref = resource.at("/spec/schemaFrom/configMapKeyRef");
      String cm = ref.path("name").asText();
      String key = ref.path("key").asText();
      return docs.stream()
          .filter(
              d ->
                  d.path("kind").asText().equals("ConfigMap")
                      && d.at("/metadata/name").asText().equals(cm))
          .map(d -> d.at("/data").path(key))
          .filter(JsonNode::isTextual)
          .map(JsonNode::asText)
          .findFirst()
          .orElseThrow(
              () ->
                  invalid(
                      schema
                          + ": the DataSchema has no inline schema and ConfigMap '"
                          + cm
                          + "' (key '"
                          + key
                          + "') is not in the file"));
    }

    private static List<JsonNode> yaml(Path file) {
      String text = SchemaFile.read(file);
      List<JsonNode> docs = new ArrayList<>();
      try (var parser = YAML.getFactory().createParser(text)) {
        YAML.readValues(parser, JsonNode.class)
            .forEachRemaining(
                d -> {
                  if (d != null && !d.isNull() && !d.isMissingNode()) {
                    docs.add(d);
                  }
                });
      } catch (IOException | RuntimeException e) {
        throw invalid(file + ": not valid YAML: " + firstLine(e.getMessage()));
      }
      return docs;
    }

    private static String problems(List<ContractViolation> problems) {
      return problems.size()
          + (problems.size() == 1 ? " problem: " : " problems: ")
          + problems.stream().map(ContractViolation::toString).collect(Collectors.joining("; "));
    }

    private static String firstLine(String message) {
      return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static CliException invalid(String message) {
      return new CliException(CliException.Reason.USAGE, message);
    }
  }
}
