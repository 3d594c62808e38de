package dev.schemagate.webhooks.resources;

import dev.schemagate.core.review.Decision;
import dev.schemagate.core.review.DenialReason;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.webhooks.admission.WebhookException;
import dev.schemagate.webhooks.kubernetes.ClusterReader;
import dev.schemagate.webhooks.registry.RegistryGateway;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Finds a DataSchema's schema text (inline or in a ConfigMap) and its references' texts. */
final class SchemaSources {
  private final ClusterReader cluster;
  private final RegistryGateway registry;

  /** The text of a schema and its references' texts by reference name. */
  record Source(String text, Map<String, String> references) {}

  /** The source, or the denial saying why it cannot be had. */
  sealed interface Resolved {
    record Found(Source source) implements Resolved {}

    record Missing(Decision.Denied denial) implements Resolved {}
  }

  SchemaSources(ClusterReader cluster, RegistryGateway registry) {
    this.cluster = cluster;
    this.registry = registry;
  }

  Resolved resolve(String namespace, DataSchemaSpec spec) throws WebhookException {
    Optional<String> text = spec.inline();
    if (spec.configMap().isPresent()) {
      DataSchemaSpec.ConfigMapKey ref = spec.configMap().get();
      text = cluster.configMapValue(namespace, ref.name(), ref.key());
      if (text.isEmpty()) {
        return missing(
            "spec.schemaFrom.configMapKeyRef: ConfigMap \"%s\" in namespace \"%s\" has no key \"%s\""
                .formatted(ref.name(), namespace, ref.key()));
      }
    }
    Map<String, String> references = new HashMap<>();
    for (SchemaReference reference : spec.references()) {
      Optional<String> referenced = registry.schemaText(reference.subject(), reference.version());
      if (referenced.isEmpty()) {
        return missing(
            "spec.references: version %d of subject \"%s\" (for \"%s\") is not registered"
                .formatted(reference.version(), reference.subject(), reference.name()));
      }
      references.put(reference.name(), referenced.get());
    }
    return new Resolved.Found(new Source(text.orElseThrow(), references));
  }

  private static Resolved missing(String message) {
    return new Resolved.Missing(Decision.deny(DenialReason.NOT_FOUND, message));
  }
}
