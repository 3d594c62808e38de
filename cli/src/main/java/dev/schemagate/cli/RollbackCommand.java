package dev.schemagate.cli;

import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schemagate rollback SUBJECT}: the previous version becomes the one served as latest again,
 * by soft-deleting the latest version (Confluent's {@code DELETE /subjects/{s}/versions/{v}}).
 *
 * <p>Why a soft delete and not "register the previous schema again": under content addressing (ours
 * and Confluent's) registering content the subject already holds returns the existing version, so
 * it would change nothing. A soft delete keeps the rolled-back version's id resolvable, so records
 * already written with it stay readable, and it is visible with {@code ?deleted=true}; registering
 * that schema again undoes the rollback. Exit 0 rolled back, 1 the registry failed, 2 bad input
 * (unknown subject, a single version, nothing to roll back to).
 */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Make the previous version of SUBJECT the one served again, by soft-deleting the latest"
          + " version. Its schema id stays readable; registering its schema again undoes this."
    })
final class RollbackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUBJECT")
  String subject;

  @Option(names = "--registry", required = true, paramLabel = "URL", description = "Registry URL.")
  String registry;

  @Mixin RegistryOptions access;

  @Override
  public Integer call() {
    try (SchemaRegistryClient client = access.boundedClient(registry)) {
      List<Integer> versions = client.versions(subject);
      if (versions.isEmpty()) {
        throw new CliException(
            CliException.Reason.USAGE, "subject '%s' not found at %s".formatted(subject, registry));
      }
      if (versions.size() < 2) {
        throw new CliException(
            CliException.Reason.USAGE,
            "subject '%s' has only version %d: there is no previous version to roll back to"
                .formatted(subject, versions.getFirst()));
      }
      RegisteredSchema latest = client.latest(subject).orElseThrow();
      client.deleteVersion(subject, latest.version(), false);
      RegisteredSchema served =
          client
              .latest(subject)
              .orElseThrow(() -> new IllegalStateException("no version served after the rollback"));
      spec.commandLine()
          .getOut()
          .printf(
              "%s: version %d (id %d) soft-deleted; version %d (id %d) is served as latest."
                  + " Id %d stays readable; to undo, register its schema again.%n",
              subject, latest.version(), latest.id(), served.version(), served.id(), latest.id());
      return Schemagate.OK;
    } catch (RegistryException e) {
      spec.commandLine().getErr().println("schemagate rollback: " + e.getMessage());
      return Schemagate.INCOMPATIBLE;
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.Reason.USAGE, "--registry: " + e.getMessage());
    }
  }
}
