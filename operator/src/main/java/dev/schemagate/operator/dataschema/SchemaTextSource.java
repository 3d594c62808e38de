package dev.schemagate.operator.dataschema;

import dev.schemagate.crds.v1alpha1.ConfigMapKeyRef;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.DataSchemaSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;

/** Finds a DataSchema's schema text: inline, or in a ConfigMap key of its namespace. */
final class SchemaTextSource {
  private final BiFunction<String, String, Optional<ConfigMap>> configMaps;

  /**
   * @param configMaps (namespace, name) to the ConfigMap, from the informer's cache
   */
  SchemaTextSource(BiFunction<String, String, Optional<ConfigMap>> configMaps) {
    this.configMaps = configMaps;
  }

  String textOf(DataSchema resource) throws ReconcileException {
    DataSchemaSpec spec = resource.getSpec();
    boolean inline = spec.getSchema() != null && !spec.getSchema().isBlank();
    boolean fromConfigMap =
        spec.getSchemaFrom() != null && spec.getSchemaFrom().configMapKeyRef() != null;
    if (inline == fromConfigMap) {
      throw new ReconcileException(
          Reason.InvalidSpec,
          "set exactly one of spec.schema (inline text) or spec.schemaFrom.configMapKeyRef");
    }
    return inline
        ? spec.getSchema()
        : fromConfigMap(resource, spec.getSchemaFrom().configMapKeyRef());
  }

  private String fromConfigMap(DataSchema resource, ConfigMapKeyRef ref) throws ReconcileException {
    String namespace = resource.getMetadata().getNamespace();
    ConfigMap configMap =
        configMaps
            .apply(namespace, ref.name())
            .orElseThrow(
                () ->
                    new ReconcileException(
                        Reason.ConfigMapNotFound,
                        "ConfigMap '%s' named in spec.schemaFrom.configMapKeyRef does not exist in namespace '%s'; create it or fix the name"
                            .formatted(ref.name(), namespace)));
    Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
    String text = data.get(ref.key());
    if (text == null || text.isBlank()) {
      throw new ReconcileException(
          Reason.ConfigMapKeyNotFound,
          "ConfigMap '%s' has no non-empty key '%s' (it has: %s); fix spec.schemaFrom.configMapKeyRef.key"
              .formatted(ref.name(), ref.key(), String.join(", ", new TreeSet<>(data.keySet()))));
    }
    return text;
  }
}
