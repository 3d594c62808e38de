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
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds a DataContract and its schema for {@code schemagate check}: the contract is a file, or a
 * name looked up among the YAML files of a directory (a GitOps repo's {@code contracts/}); the
 * schema is a file given, or the DataSchema named by the contract's {@code schemaRef} in the same
 * file or directory tree.
 */
final class ContractFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * @param namespace the resource's {@code metadata.namespace}, when the file gives one
   */
  record Loaded(String name, Optional<String> namespace, Contract contract, ParsedSchema schema) {}

  private ContractFiles() {}

  /**
   * The DataContract document (or bare spec) that {@code contractArg} names: a file, else a
   * resource of that name among the YAML files under {@code dir}; a usage error listing the names
   * found when there is none.
   */
  static JsonNode resource(String contractArg, Path dir) {
    Path file = Path.of(contractArg);
    if (Files.isRegularFile(file)) {
      return docs(file).stream()
          .filter(ContractFiles::isContract)
          .findFirst()
          .or(() -> docs(file).stream().findFirst())
          .orElseThrow(() -> usage(file + ": empty"));
    }
    return byName(contractArg, dir);
  }

  /** A resource's {@code spec} (a bare spec file is its own). */
  static JsonNode spec(JsonNode doc) {
    return isContract(doc) ? doc.get("spec") : doc;
  }

  static Loaded load(String contractArg, Path dir, Optional<Path> schemaFile) {
    Path file = Path.of(contractArg);
    JsonNode doc = resource(contractArg, dir);
    String name =
        doc.at("/metadata/name")
            .asText(file.getFileName() == null ? contractArg : file.getFileName().toString());
    JsonNode spec = isContract(doc) ? doc.get("spec") : doc;
    Contract contract;
    try {
      contract = ContractReader.read(spec);
    } catch (InvalidContractException e) {
      throw usage("contract " + name + ": " + problems(e.violations()));
    }
    ParsedSchema schema =
        schemaFile
            .map(ContractFiles::schemaFile)
            .orElseGet(
                () ->
                    dataSchema(
                        contract.schemaRef(),
                        Files.isRegularFile(file) ? file.toAbsolutePath().getParent() : dir));
    List<ContractViolation> problems =
        ContractValidator.validate(contract, SchemaFields.of(schema));
    if (!problems.isEmpty()) {
      throw usage("contract " + name + ": " + problems(problems));
    }
    Optional<String> namespace =
        Optional.of(doc.at("/metadata/namespace").asText("")).filter(n -> !n.isBlank());
    return new Loaded(name, namespace, contract, schema);
  }

  private static boolean isContract(JsonNode doc) {
    return doc.path("kind").asText().equals("DataContract") && doc.has("spec");
  }

  private static JsonNode byName(String name, Path dir) {
    List<Path> files = yamlFiles(dir);
    TreeSet<String> known = new TreeSet<>();
    for (Path f : files) {
      for (JsonNode doc : docs(f)) {
        if (isContract(doc)) {
          String n = doc.at("/metadata/name").asText();
          if (n.equals(name)) {
            return doc;
          }
          known.add(n);
        }
      }
    }
    throw usage(
        "unknown contract '"
            + name
            + "': no such file, and no DataContract of that name"
            + " under "
            + dir
            + (known.isEmpty() ? "" : " (found: " + String.join(", ", known) + ")"));
  }

  private static ParsedSchema schemaFile(Path file) {
    return SchemaFile.load(file, Optional.empty()).parse();
  }

  /** The DataSchema named {@code ref} (with an inline schema) in a YAML file under {@code dir}. */
  private static ParsedSchema dataSchema(String ref, Path dir) {
    Path root = dir;
    // a contract in <repo>/contracts/ names a schema kept in <repo>/schemas/
    if (root.getParent() != null && Files.isDirectory(root.getParent().resolve("schemas"))) {
      root = root.getParent();
    }
    for (Path f : yamlFiles(root)) {
      List<JsonNode> docs;
      try {
        docs = docs(f);
      } catch (CliException unreadable) {
        continue; // another file's problem; not the one we look for
      }
      for (JsonNode doc : docs) {
        if (doc.path("kind").asText().equals("DataSchema")
            && doc.at("/metadata/name").asText().equals(ref)
            && doc.at("/spec/schema").isTextual()) {
          return parse(doc, f.toString());
        }
      }
    }
    throw usage(
        "the contract's schema '"
            + ref
            + "' (a DataSchema with an inline schema) is not"
            + " under "
            + root
            + ": pass --schema FILE");
  }

  private static ParsedSchema parse(JsonNode resource, String where) {
    String formatText = resource.at("/spec/format").asText("AVRO");
    SchemaFormat format =
        SchemaFormat.fromConfluentType(formatText)
            .orElseThrow(() -> usage(where + ": unknown format '" + formatText + "'"));
    if (!resource.at("/spec/schema").isTextual()) {
      throw usage(where + ": the DataSchema has no inline schema: pass the schema file itself");
    }
    try {
      return Schemas.parse(format, resource.at("/spec/schema").asText());
    } catch (InvalidSchemaException e) {
      throw new CliException(CliException.Reason.INVALID_SCHEMA, where + ": " + e.getMessage());
    }
  }

  private static List<Path> yamlFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir, 4)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CliException(CliException.Reason.UNREADABLE_FILE, dir + ": " + e.getMessage());
    }
  }

  private static List<JsonNode> docs(Path file) {
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
      String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw usage(file + ": not valid YAML: " + m);
    }
    return docs;
  }

  private static String problems(List<ContractViolation> problems) {
    return problems.size()
        + (problems.size() == 1 ? " problem: " : " problems: ")
        + problems.stream().map(ContractViolation::toString).collect(Collectors.joining("; "));
  }

  private static CliException usage(String message) {
    return new CliException(CliException.Reason.USAGE, message);
  }
}
