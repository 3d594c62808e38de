package dev.schemagate.operator.promotion;

import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.Schemas;
import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.operator.contract.LineageColumns;
import dev.schemagate.operator.contract.LineageSettings;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.lineage.LineageClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Grades what a promotion would break: the core engine's diff of the candidate against the target's
 * latest version names the changed fields; the lineage API grades their downstream impact.
 */
final class ImpactAssessor {
  private final KubernetesClient kubernetes;
  private final LineageClient lineage;
  private final LineageSettings lineageSettings;

  ImpactAssessor(
      KubernetesClient kubernetes, LineageClient lineage, LineageSettings lineageSettings) {
    this.kubernetes = kubernetes;
    this.lineage = lineage;
    this.lineageSettings = lineageSettings;
  }

  /** A lineage call that failed, told apart from the registries' own failures. */
  static final class LineageFailure extends Exception {
    LineageFailure(RegistryException cause) {
      super(cause.getMessage(), cause);
    }

    RegistryException failure() {
      return (RegistryException) getCause();
    }
  }

  /**
   * @throws InvalidSchemaException when the target's latest version does not parse
   * @throws LineageFailure when the lineage API cannot grade the impact
   */
  Assessment assess(
      Promotion resource, String subject, ParsedSchema candidate, Optional<RegisteredSchema> latest)
      throws InvalidSchemaException, LineageFailure {
    String to = resource.getSpec().getTo();
    if (latest.isEmpty()) {
      return Assessment.none("first version of '" + subject + "' in " + to);
    }
    ParsedSchema current = Schemas.parse(latest.get().format(), latest.get().schema());
    var changes =
        Compatibility.checker()
            .check(CompatibilityLevel.FULL, List.of(current), candidate)
            .changes();
    List<String> fields = ChangedFields.of(changes);
    if (fields.isEmpty()) {
      return Assessment.none(
          "no existing field changes against version %d in %s"
              .formatted(latest.get().version(), to));
    }
    String dataset = LineageColumns.dataset(subject, topic(resource));
    List<String> columns =
        fields.stream()
            .map(f -> LineageColumns.column(lineageSettings.namespace(), dataset, f))
            .toList();
    try {
      return Assessment.of(lineage.impact(columns));
    } catch (RegistryException e) {
      throw new LineageFailure(e);
    }
  }

  /** The Kafka topic a contract on the same DataSchema names, if any. */
  private Optional<String> topic(Promotion resource) {
    return kubernetes
        .resources(DataContract.class)
        .inNamespace(resource.getMetadata().getNamespace())
        .list()
        .getItems()
        .stream()
        .filter(c -> resource.getSpec().getSchemaRef().equals(c.getSpec().getSchemaRef()))
        .map(c -> c.getSpec().getEnforcement())
        .filter(Objects::nonNull)
        .map(e -> e.kafkaTopic())
        .filter(Objects::nonNull)
        .findFirst();
  }
}
