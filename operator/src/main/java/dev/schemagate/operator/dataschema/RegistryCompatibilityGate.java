package dev.schemagate.operator.dataschema;

import dev.schemagate.crds.v1alpha1.BreakingChange;
import dev.schemagate.registry.client.CompatibilityReport;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import java.util.List;

/** Asks the registry's verbose compatibility endpoint, which runs the core engine server-side. */
final class RegistryCompatibilityGate implements CompatibilityGate {
  private final SchemaRegistryClient registry;

  RegistryCompatibilityGate(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public List<BreakingChange> breakingChanges(Candidate candidate, RegisteredSchema latest)
      throws RegistryException {
    CompatibilityReport report =
        registry.testCompatibility(candidate.subject(), candidate.submission());
    if (report.compatible()) {
      return List.of();
    }
    List<BreakingChange> changes = RegistryMessages.toChanges(report.messages());
    return changes.isEmpty()
        ? List.of(
            new BreakingChange(
                "/",
                null,
                "the registry reports the schema incompatible with version %d"
                    .formatted(latest.version()),
                null))
        : changes;
  }
}
