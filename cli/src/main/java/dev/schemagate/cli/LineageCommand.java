package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.lineage.dbt.DbtLineageEvents;
import dev.schemagate.core.lineage.dbt.DbtManifestException;
import dev.schemagate.core.lineage.dbt.DbtManifestReader;
import dev.schemagate.core.lineage.dbt.DbtProject;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.lineage.ConsumerDeclaration;
import dev.schemagate.registry.client.lineage.LineageClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code schemagate lineage ...}: feeds the registry's lineage graph. */
@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    description = "Feeds the registry's lineage graph.",
    subcommands = {LineageCommand.IngestDbt.class})
final class LineageCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "say what to do: schemagate lineage ingest-dbt ...");
  }

  @Command(
      name = "ingest-dbt",
      mixinStandardHelpOptions = true,
      description = {
        "Ingests a dbt project's manifest.json (and catalog.json) into the lineage graph: one"
            + " OpenLineage event per model, seed and snapshot (inputs, output, columns, column"
            + " edges between same-named columns), and every model and exposure declared as a"
            + " consumer of the columns it reads.",
        "Exit 0 ingested, 2 invalid input or the registry refused."
      })
  static final class IngestDbt implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Far above a large project's manifest (tens of MB); stops a wrong file from eating memory. */
    private static final long MAX_BYTES = 512L * 1024 * 1024;

    @Spec CommandSpec spec;

    @Option(names = "--manifest", required = true, paramLabel = "FILE")
    Path manifest;

    @Option(names = "--catalog", paramLabel = "FILE", description = "dbt docs generate's catalog.")
    Path catalog;

    @Option(
        names = "--registry",
        paramLabel = "URL",
        defaultValue = "${env:SCHEMAGATE_REGISTRY_URL}",
        description = "The registry (default: $SCHEMAGATE_REGISTRY_URL).")
    String registry;

    @Mixin RegistryOptions access;

    @Option(
        names = "--namespace",
        paramLabel = "NS",
        description =
            "OpenLineage namespace of the warehouse, e.g. postgres://warehouse:5432, so dbt's"
                + " columns meet other producers' (default: the manifest's adapter type).")
    String namespace;

    @Option(
        names = "--environment",
        paramLabel = "ENV",
        description = "Where the dbt project runs (e.g. prod), recorded on its assets.")
    String environment;

    @Option(names = "--dry-run", description = "Print the events and declarations; send nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      JsonNode manifestJson = readJson(manifest);
      DbtProject project;
      try {
        project =
            DbtManifestReader.read(manifestJson, Optional.ofNullable(catalog).map(this::readJson));
      } catch (DbtManifestException e) {
        throw new CliException(CliException.Reason.USAGE, manifest + ": " + e.getMessage());
      }
      String version = manifestJson.at("/metadata/dbt_schema_version").asText("");
      if (!version.matches(".*/manifest/v1[0-2]\\.json")) {
        // read as far as it goes, but a layout dbt changed could drop models silently: say so
        spec.commandLine()
            .getErr()
            .println(
                "schemagate lineage ingest-dbt: warning: "
                    + manifest
                    + " is manifest schema "
                    + version
                    + "; this reader knows v10-v12 (dbt 1.6-1.10): check the result");
      }
      String ns =
          Optional.ofNullable(namespace)
              .orElse(manifestJson.at("/metadata/adapter_type").asText("dbt"));
      List<ObjectNode> events = DbtLineageEvents.events(project, ns);
      List<ConsumerDeclaration> consumers =
          DbtConsumers.of(project, ns, Optional.ofNullable(environment));
      var out = spec.commandLine().getOut();
      if (dryRun) {
        events.forEach(e -> out.println(e.toString()));
        consumers.forEach(c -> out.println(declaration(c))); // JSON lines, as the events
        out.flush();
        return Schemagate.OK;
      }
      if (registry == null || registry.isBlank()) {
        throw new CliException(
            CliException.Reason.USAGE, "say where the registry is: --registry URL");
      }
      int edges = 0;
      try (SchemaRegistryClient client = client()) {
        LineageClient lineage = client.lineage();
        for (ObjectNode event : events) {
          edges += lineage.ingest(event.toString()).edges();
        }
        for (ConsumerDeclaration consumer : consumers) {
          lineage.declare(consumer);
        }
      } catch (RegistryException e) {
        throw new CliException(
            CliException.Reason.USAGE, "the lineage was not recorded: " + e.getMessage());
      }
      long models =
          project.relations().stream()
              .filter(r -> r.type() == DbtProject.RelationType.MODEL)
              .count();
      long enforced =
          project.relations().stream().filter(DbtProject.Relation::contractEnforced).count();
      out.printf(
          "ingested dbt project %s: %d models (%d with an enforced contract), %d sources,"
              + " %d exposures; %d events, %d column edges, %d consumer declarations%n",
          project.projectName(),
          models,
          enforced,
          project.relations().stream()
              .filter(r -> r.type() == DbtProject.RelationType.SOURCE)
              .count(),
          project.exposures().size(),
          events.size(),
          edges,
          consumers.size());
      out.flush();
      return Schemagate.OK;
    }

    private SchemaRegistryClient client() {
      var builder =
          access
              .clientBuilder(registry)
              .requestTimeout(Duration.ofSeconds(10))
              .maxBlock(Duration.ofSeconds(20));
      try {
        return builder.build();
      } catch (IllegalArgumentException e) {
        throw new CliException(CliException.Reason.USAGE, "--registry: " + e.getMessage());
      }
    }

    /** A consumer declaration as one JSON object (its record form printed Optional.empty). */
    private static String declaration(ConsumerDeclaration c) {
      ObjectNode node = JSON.createObjectNode();
      node.put("consumer", c.kind());
      node.put("name", c.name());
      node.put("owner", c.owner());
      node.put("criticality", c.criticality());
      c.environment().ifPresent(e -> node.put("environment", e));
      node.put("namespace", c.namespace());
      node.put("dataset", c.dataset());
      c.fields().forEach(node.putArray("fields")::add);
      return node.toString();
    }

    private JsonNode readJson(Path file) {
      try {
        if (Files.size(file) > MAX_BYTES) {
          throw new CliException(
              CliException.Reason.UNREADABLE_FILE, file + ": larger than " + MAX_BYTES + " bytes");
        }
        return JSON.readTree(file.toFile());
      } catch (NoSuchFileException e) {
        throw new CliException(CliException.Reason.UNREADABLE_FILE, file + ": no such file");
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new CliException(
            CliException.Reason.USAGE,
            file
                + ": not valid JSON"
                // a parser limit (nesting depth, string length) carries no location; dbt writes
                // its manifest on one line, so the column is what finds the spot
                + (e.getLocation() == null
                    ? ""
                    : " at line "
                        + e.getLocation().getLineNr()
                        + ", column "
                        + e.getLocation().getColumnNr())
                + ": "
                + e.getOriginalMessage());
      } catch (IOException e) {
        throw new CliException(
            CliException.Reason.UNREADABLE_FILE, file + ": cannot read: " + e.getMessage());
      }
    }
  }
}
