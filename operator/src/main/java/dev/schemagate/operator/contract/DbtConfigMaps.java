package dev.schemagate.operator.contract;

import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.DataSchema;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.Objects;

/** The ConfigMap holding a contract's dbt model contract, owned by the contract (GC'd with it). */
final class DbtConfigMaps {
  static final String KEY = "schema.yml";

  private final KubernetesClient kubernetes;

  DbtConfigMaps(KubernetesClient kubernetes) {
    this.kubernetes = kubernetes;
  }

  static String name(DataContract contract) {
    return contract.getMetadata().getName() + "-dbt";
  }

  DataSchema dataSchema(String namespace, String name) {
    return kubernetes.resources(DataSchema.class).inNamespace(namespace).withName(name).get();
  }

  /** Creates or updates the ConfigMap; an unchanged one is left alone. */
  void apply(DataContract contract, String model, String yaml) {
    String namespace = contract.getMetadata().getNamespace();
    ConfigMap desired =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name(contract))
            .withNamespace(namespace)
            .withLabels(
                Map.of(
                    "app.kubernetes.io/managed-by",
                    "schemagate",
                    "schemagate.dev/dbt-model",
                    model))
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(contract.getApiVersion())
                    .withKind(contract.getKind())
                    .withName(contract.getMetadata().getName())
                    .withUid(contract.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build())
            .endMetadata()
            .withData(Map.of(KEY, yaml))
            .build();
    var existing = kubernetes.configMaps().inNamespace(namespace).withName(name(contract)).get();
    if (existing == null) {
      kubernetes.configMaps().inNamespace(namespace).resource(desired).create();
    } else if (!Objects.equals(existing.getData(), desired.getData())
        || !Objects.equals(existing.getMetadata().getLabels(), desired.getMetadata().getLabels())) {
      kubernetes
          .configMaps()
          .inNamespace(namespace)
          .withName(name(contract))
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              io.fabric8.kubernetes.client.utils.Serialization.asJson(desired));
    }
  }
}
