package dev.schemagate.cli;

import dev.schemagate.cli.diff.DiffEngine;
import dev.schemagate.cli.diff.DiffReport;
import dev.schemagate.cli.diff.GitRepository;
import dev.schemagate.cli.diff.GithubAnnotations;
import dev.schemagate.cli.diff.JsonDiffReport;
import dev.schemagate.cli.diff.MarkdownReport;
import dev.schemagate.cli.diff.RegistryHistory;
import dev.schemagate.cli.diff.SchemaHistory;
import dev.schemagate.cli.diff.impact.LineageImpact;
import dev.schemagate.registry.client.SchemaRegistryClient;
import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schemagate diff --base REF --head REF}: the PR gate. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares the DataSchemas, DataContracts and mapped raw schema files (.schemagate.yaml)"
          + " that changed between two git refs, read straight from the repository.",
      "Exit code: 0 nothing breaking, 1 breaking, 2 could not run."
    })
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--base", required = true, paramLabel = "REF", description = "Base ref.")
  String base;

  @Option(
      names = "--head",
      defaultValue = "HEAD",
      paramLabel = "REF",
      description = "Head ref (default HEAD).")
  String head;

  @Option(
      names = "--repo",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "The repository (default: the current directory).")
  File repo;

  @Option(
      names = "--format",
      defaultValue = "markdown",
      paramLabel = "markdown|json|github",
      description = "markdown (the PR comment, default), json, or github (annotations).")
  Format format;

  @Option(
      names = "--registry",
      paramLabel = "URL",
      description = "Check against the registry's full history of each subject.")
  String registry;

  @Option(
      names = "--lineage",
      paramLabel = "URL",
      description = "The registry whose lineage API traces breaking fields downstream.")
  String lineage;

  @Option(
      names = "--lineage-namespace",
      defaultValue = "kafka",
      paramLabel = "NS",
      description = "OpenLineage namespace of the topics (default kafka).")
  String lineageNamespace;

  @Mixin RegistryOptions access;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Limit to these paths.")
  List<String> paths = List.of();

  enum Format {
    MARKDOWN,
    JSON,
    GITHUB
  }

  @Override
  public Integer call() {
    try (GitRepository repository = GitRepository.open(repo);
        Registry history = Registry.of(registry, access)) {
      DiffReport report =
          new DiffEngine(repository, history.history()).diff(base, head, normalised(paths));
      if (lineage != null) {
        try (SchemaRegistryClient client = access.boundedClient(lineage)) {
          report =
              report.withImpact(
                  new LineageImpact(lineage, client.lineage(), lineageNamespace).assess(report));
        }
      }
      var out = spec.commandLine().getOut();
      out.print(
          switch (format) {
            case MARKDOWN -> MarkdownReport.render(report);
            case JSON -> JsonDiffReport.render(report) + System.lineSeparator();
            case GITHUB -> GithubAnnotations.render(report);
          });
      out.flush();
      return report.breaking() ? Schemagate.INCOMPATIBLE : Schemagate.OK;
    }
  }

  private static List<String> normalised(List<String> paths) {
    return paths.stream()
        .map(p -> p.replace('\\', '/').replaceAll("^\\./", "").replaceAll("/+$", ""))
        .filter(p -> !p.isEmpty() && !p.equals("."))
        .toList();
  }

  /** The history to check against, and the client to close afterwards. */
  private record Registry(SchemaHistory history, Optional<SchemaRegistryClient> client)
      implements AutoCloseable {
    static Registry of(String url, RegistryOptions access) {
      if (url == null) {
        return new Registry(DiffEngine.baseOnly(), Optional.empty());
      }
      SchemaRegistryClient client = access.boundedClient(url);
      return new Registry(new RegistryHistory(client, url), Optional.of(client));
    }

    @Override
    public void close() {
      client.ifPresent(SchemaRegistryClient::close);
    }
  }
}
