package dev.schemagate.cli;

import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.compat.CompatibilityResult;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schemagate compat OLD... NEW}: is NEW a safe evolution of the OLD versions? */
@Command(
    name = "compat",
    mixinStandardHelpOptions = true,
    description = {
      "Checks that NEW is a compatible evolution of OLD (several OLD files, oldest first, for the"
          + " transitive modes) and lists every change, breaking ones first.",
      "Exit code: 0 compatible, 1 incompatible, 2 invalid input or usage."
    })
final class CompatCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "avro|json",
      description =
          "Schema format; by default from the extensions (.avsc Avro, .json JSON Schema) or the"
              + " DataSchema manifest's spec.format (.yaml, .yml).")
  SchemaFormat format;

  @Option(
      names = "--mode",
      paramLabel = "LEVEL",
      defaultValue = "BACKWARD",
      description =
          "BACKWARD (default), BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL,"
              + " FULL_TRANSITIVE or NONE.")
  CompatibilityLevel mode;

  @Option(
      names = "--output",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "text (one line per change) or json.")
  OutputFormat output;

  @Parameters(
      arity = "2..*",
      paramLabel = "FILE",
      description =
          "OLD... NEW: the registered versions, oldest first, then the candidate. Raw schema"
              + " files or DataSchema manifests (schema inline or from a ConfigMap in the same"
              + " file or one beside it).")
  List<Path> files;

  enum OutputFormat {
    TEXT,
    JSON
  }

  @Override
  public Integer call() {
    List<ParsedSchema> schemas =
        SchemaFile.loadAll(Optional.ofNullable(format), files).stream()
            .map(SchemaFile.Loaded::parse)
            .toList();
    List<ParsedSchema> history = schemas.subList(0, schemas.size() - 1);
    ParsedSchema candidate = schemas.getLast();

    CompatibilityResult result = Compatibility.checker().check(mode, history, candidate);

    var out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      out.println(JsonReport.render(result, schemas));
    } else {
      out.print(TextReport.render(result, files.getLast()));
    }
    out.flush();
    return result.compatible() ? Schemagate.OK : Schemagate.INCOMPATIBLE;
  }
}
