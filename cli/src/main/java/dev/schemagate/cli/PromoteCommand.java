package dev.schemagate.cli;

import dev.schemagate.cli.promote.Candidate;
import dev.schemagate.cli.promote.Outcome;
import dev.schemagate.cli.promote.PromoteException;
import dev.schemagate.cli.promote.PromotionResources;
import dev.schemagate.cli.promote.RegistrySync;
import dev.schemagate.core.config.ConfigException;
import dev.schemagate.core.config.Environments;
import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schemagate promote --from ENV --to ENV [SUBJECT...]}. */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = {
      "Carries the latest version of each SUBJECT (default: every subject whose latest version the"
          + " target lacks) from one environment's registry to the next.",
      "By default writes Promotion resources (YAML) for GitOps; --apply creates them in the"
          + " cluster of the kubeconfig, where the operator grades and promotes; --sync promotes"
          + " straight into the target registry after the operator's impact checks, keeping ids"
          + " when the target subject is in IMPORT mode.",
      "Exit code: 0 done, 1 a promotion blocked or refused, 2 could not run."
    })
final class PromoteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "ENV", description = "Source.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "ENV", description = "Target.")
  String to;

  @Option(
      names = "--environments",
      paramLabel = "name=url,...",
      defaultValue = "${env:SCHEMAGATE_ENVIRONMENTS}",
      description = "Registries by environment (default: $SCHEMAGATE_ENVIRONMENTS).")
  String environments;

  @Option(
      names = "--namespace",
      defaultValue = "default",
      paramLabel = "NS",
      description = "Namespace of the Promotion resources (default: default).")
  String namespace;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description = "Write one <name>.yaml per Promotion here instead of to stdout.")
  Path outputDir;

  @Option(names = "--apply", description = "Create the Promotions in the cluster.")
  boolean apply;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "For --apply (default: $KUBECONFIG or ~/.kube/config).")
  File kubeconfig;

  @Mixin RegistryOptions access;

  @Option(names = "--sync", description = "Promote straight into the target registry.")
  boolean sync;

  @Option(
      names = "--lineage",
      paramLabel = "URL",
      description =
          "For --sync: the lineage API grading the impact (default: the target registry).")
  String lineage;

  @Option(
      names = "--lineage-namespace",
      defaultValue = "kafka",
      paramLabel = "NS",
      description = "OpenLineage namespace of the topics (default kafka).")
  String lineageNamespace;

  @Option(
      names = "--no-impact",
      description = "For --sync: skip the lineage grading (no lineage API in this setup).")
  boolean noImpact;

  @Option(
      names = "--approve",
      paramLabel = "TEAM",
      description = "For --sync: teams that approved a blocking impact (repeatable).")
  List<String> approvals = new ArrayList<>();

  @Parameters(paramLabel = "SUBJECT", arity = "0..*")
  List<String> subjects = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (apply && sync) {
      throw new CliException(CliException.Reason.USAGE, "--apply and --sync exclude each other");
    }
    Environments known = environments();
    String fromUrl = url(known, from);
    String toUrl = url(known, to);
    var out = spec.commandLine().getOut();
    try (SchemaRegistryClient source = access.boundedClient(fromUrl);
        SchemaRegistryClient target = access.boundedClient(toUrl);
        SchemaRegistryClient lineageRegistry =
            access.boundedClient(lineage == null ? toUrl : lineage)) {
      List<Candidate> candidates = candidates(source, target);
      if (sync) {
        RegistrySync syncer =
            new RegistrySync(
                target,
                to,
                noImpact ? Optional.empty() : Optional.of(lineageRegistry.lineage()),
                lineageNamespace,
                new LinkedHashSet<>(approvals));
        boolean refused = false;
        for (Candidate candidate : candidates) {
          Outcome outcome = syncer.promote(candidate);
          out.println(outcome.describe());
          refused |= outcome.refused();
        }
        out.flush();
        return refused ? Schemagate.INCOMPATIBLE : Schemagate.OK;
      }
      List<Promotion> promotions =
          candidates.stream().map(c -> PromotionResources.of(c, from, to, namespace)).toList();
      if (apply) {
        try (KubernetesClient kubernetes = kubernetes()) {
          PromotionResources.apply(kubernetes, promotions);
        }
        promotions.forEach(
            p ->
                out.println(
                    "promotion.schemagate.dev/%s applied in namespace %s"
                        .formatted(p.getMetadata().getName(), namespace)));
      } else if (outputDir != null) {
        Files.createDirectories(outputDir);
        for (Promotion p : promotions) {
          Path file = outputDir.resolve(p.getMetadata().getName() + ".yaml");
          Files.writeString(file, PromotionResources.yaml(List.of(p)));
          out.println(file);
        }
      } else {
        out.print(PromotionResources.yaml(promotions));
      }
      out.flush();
      return Schemagate.OK;
    }
  }

  private Environments environments() {
    try {
      Environments parsed = Environments.parse(Environments.VARIABLE, environments);
      if (parsed.isEmpty()) {
        throw new PromoteException(
            PromoteException.Reason.UNKNOWN_ENVIRONMENT,
            "no environments: set SCHEMAGATE_ENVIRONMENTS or --environments to name=url[,...]");
      }
      return parsed;
    } catch (ConfigException e) {
      throw new PromoteException(PromoteException.Reason.UNKNOWN_ENVIRONMENT, e.getMessage());
    }
  }

  private static String url(Environments known, String environment) {
    return known
        .registry(environment)
        .map(Object::toString)
        .orElseThrow(
            () ->
                new PromoteException(
                    PromoteException.Reason.UNKNOWN_ENVIRONMENT,
                    "unknown environment '%s': known %s"
                        .formatted(environment, String.join(", ", known.names()))));
  }

  /**
   * The source's latest version of each subject asked for, or of every subject the target lacks.
   */
  private List<Candidate> candidates(SchemaRegistryClient source, SchemaRegistryClient target) {
    try {
      List<Candidate> candidates = new ArrayList<>();
      boolean all = subjects.isEmpty();
      for (String subject : all ? source.subjects() : subjects) {
        Optional<RegisteredSchema> latest = source.latest(subject);
        if (latest.isEmpty()) {
          throw new PromoteException(
              PromoteException.Reason.UNKNOWN_SUBJECT,
              "subject '%s' is not in %s's registry".formatted(subject, from));
        }
        if (all) {
          RegisteredSchema s = latest.get();
          if (target
              .lookup(subject, new SchemaSubmission(s.format(), s.schema(), s.references()))
              .isPresent()) {
            continue;
          }
        }
        candidates.add(new Candidate(subject, latest.get()));
      }
      return candidates;
    } catch (RegistryException e) {
      throw new PromoteException(
          PromoteException.Reason.REGISTRY_UNAVAILABLE,
          "registry of %s or %s did not answer: %s".formatted(from, to, e.getMessage()));
    }
  }

  private KubernetesClient kubernetes() throws IOException {
    if (kubeconfig == null) {
      return new KubernetesClientBuilder().build();
    }
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig.toPath())))
        .build();
  }
}
