package dev.schemagate.cli;

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

/** {@code schemagate fingerprint FILE...}: the content address the registry gives each schema. */
@Command(
    name = "fingerprint",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the sha256 fingerprint of each schema's canonical form (key order and whitespace"
          + " never change it; defaults, logical types, enum symbols, required entries do).",
      "With --canonical, prints the canonical form instead."
    })
final class FingerprintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "avro|json",
      description =
          "Schema format; by default from the extension, or a DataSchema manifest's spec.format.")
  SchemaFormat format;

  @Option(
      names = "--canonical",
      description = "Print the canonical form rather than the fingerprint.")
  boolean canonical;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Raw schema files or DataSchema manifests (.yaml, .yml).")
  List<Path> files;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (Path file : files) {
      ParsedSchema schema = SchemaFile.load(file, Optional.ofNullable(format)).parse();
      out.println(canonical ? schema.canonicalForm() : schema.fingerprint() + "  " + file);
    }
    out.flush();
    return Schemagate.OK;
  }
}
