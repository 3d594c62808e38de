package dev.schemagate.cli;

import dev.schemagate.cli.check.CheckException;
import dev.schemagate.cli.check.CheckPlan;
import dev.schemagate.cli.check.CheckReport;
import dev.schemagate.cli.check.Checkpoint;
import dev.schemagate.cli.check.CheckpointPublisher;
import dev.schemagate.cli.check.ReportWriter;
import dev.schemagate.cli.check.Source;
import dev.schemagate.registry.client.SchemaRegistryClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schemagate check --contract FILE|NAME --source SOURCE}: a batch quality checkpoint. Runs
 * the contract's quality rules and the schema's field types over a PostgreSQL table (pushed down to
 * SQL) or a JSON Lines / CSV / Parquet file (streamed) and reports each rule.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a dataset against a DataContract's quality rules and its schema's types.",
      "SOURCE is postgresql://[user[:password]@]host[:port]/db or jdbc:postgresql://... with"
          + " --table, or a .jsonl/.ndjson/.csv/.parquet file.",
      "Exit 0 every error rule passed, 1 a rule of severity error failed, 2 invalid input."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--contract",
      required = true,
      paramLabel = "FILE|NAME",
      description = "A DataContract YAML file, or the name of one under --contracts-dir.")
  String contract;

  @Option(
      names = "--contracts-dir",
      paramLabel = "DIR",
      defaultValue = "contracts",
      description = "Where a contract NAME is looked up (default: ${DEFAULT-VALUE}).")
  Path contractsDir;

  @Option(
      names = "--schema",
      paramLabel = "FILE",
      description =
          "The schema (.avsc, .json, or a DataSchema YAML); default: the DataSchema the"
              + " contract's schemaRef names, found beside the contract.")
  Path schema;

  @Option(names = "--source", required = true, paramLabel = "SOURCE")
  String source;

  @Option(names = "--table", paramLabel = "[SCHEMA.]TABLE", description = "For a database.")
  String table;

  @Option(
      names = "--source-format",
      paramLabel = "jsonl|csv|parquet",
      description = "The file format when the extension does not say.")
  Source.FileFormat sourceFormat;

  @Option(
      names = "--format",
      paramLabel = "markdown|json|junit",
      defaultValue = "markdown",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  ReportWriter.Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report here instead of standard output.")
  Path output;

  @Option(
      names = "--registry",
      paramLabel = "URL",
      defaultValue = "${env:SCHEMAGATE_REGISTRY_URL}",
      description =
          "Record the checkpoint in this registry (default: $SCHEMAGATE_REGISTRY_URL; none:"
              + " not recorded), where the DataContract's status shows it.")
  String registry;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description = "The DataContract's namespace (default: the file's, else 'default').")
  String namespace;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads that read a JSON Lines file, each a part of at least 32 MB (default: the"
              + " available cores; 1: one pass).")
  Integer threads;

  @Mixin RegistryOptions access;

  @Override
  public Integer call() {
    ContractFiles.Loaded loaded =
        ContractFiles.load(contract, contractsDir, Optional.ofNullable(schema));
    CheckPlan plan = CheckPlan.of(loaded.name(), loaded.contract(), loaded.schema());
    CheckReport report;
    try {
      Source parsed =
          Source.parse(source, Optional.ofNullable(table), Optional.ofNullable(sourceFormat));
      Checkpoint checkpoint =
          threads == null
              ? new Checkpoint(Clock.systemUTC())
              : new Checkpoint(Clock.systemUTC(), threads);
      report = checkpoint.run(plan, parsed);
    } catch (CheckException e) {
      throw new CliException(CliException.Reason.USAGE, e.getMessage());
    }
    String text = ReportWriter.write(report, format);
    print(text);
    if (registry != null && !registry.isBlank()) {
      String ns = Optional.ofNullable(namespace).or(loaded::namespace).orElse("default");
      try (SchemaRegistryClient client = access.boundedClient(registry)) {
        new CheckpointPublisher(client, registry).publish(report, ns);
      } catch (CheckException e) {
        throw new CliException(CliException.Reason.USAGE, e.getMessage());
      }
    }
    return report.verdict() == CheckReport.Verdict.PASSED ? Schemagate.OK : Schemagate.INCOMPATIBLE;
  }

  private void print(String text) {
    if (output == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      try {
        // getBytes replaces what UTF-8 cannot encode (a lone surrogate from a JSON "\\ud800" in
        // the data) where writeString would refuse, losing the whole report
        Files.write(output, text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new CliException(
            CliException.Reason.UNREADABLE_FILE, output + ": cannot write: " + e.getMessage());
      }
    }
  }
}
