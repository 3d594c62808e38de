package dev.schemagate.cli.promote;

import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.crds.v1alpha1.PromotionSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;

/** Promotion resources for GitOps (YAML), or applied to a cluster. */
public final class PromotionResources {
  private PromotionResources() {}

  /**
   * The Promotion for a candidate. {@code schemaRef} is the subject: a DataSchema's subject
   * defaults to its name, which is how the samples are written.
   */
  public static Promotion of(Candidate candidate, String from, String to, String namespace) {
    PromotionSpec spec = new PromotionSpec();
    spec.setSchemaRef(candidate.subject());
    spec.setVersion(candidate.source().version());
    spec.setFrom(from);
    spec.setTo(to);
    Promotion promotion = new Promotion();
    promotion.setMetadata(
        new ObjectMetaBuilder()
            .withName(candidate.resourceName(to))
            .withNamespace(namespace)
            .addToLabels("app.kubernetes.io/managed-by", "schemagate-cli")
            .build());
    promotion.setSpec(spec);
    return promotion;
  }

  /** Multi-document YAML, one Promotion per document. */
  public static String yaml(List<Promotion> promotions) {
    StringBuilder out = new StringBuilder();
    for (Promotion promotion : promotions) {
      String doc = Serialization.asYaml(promotion);
      out.append(doc.startsWith("---") ? doc : "---\n" + doc);
      if (!doc.endsWith("\n")) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Creates each Promotion, or updates its spec when one by that name exists. */
  public static void apply(KubernetesClient kubernetes, List<Promotion> promotions) {
    for (Promotion promotion : promotions) {
      try {
        var resource =
            kubernetes
                .resources(Promotion.class)
                .inNamespace(promotion.getMetadata().getNamespace())
                .withName(promotion.getMetadata().getName());
        Promotion existing = resource.get();
        if (existing == null) {
          kubernetes.resources(Promotion.class).resource(promotion).create();
        } else {
          existing.setSpec(promotion.getSpec());
          resource.patch(PatchContext.of(PatchType.JSON_MERGE), existing);
        }
      } catch (KubernetesClientException e) {
        throw new PromoteException(
            PromoteException.Reason.CLUSTER_UNAVAILABLE,
            "cannot apply Promotion %s/%s: %s"
                .formatted(
                    promotion.getMetadata().getNamespace(),
                    promotion.getMetadata().getName(),
                    e.getMessage() == null
                        ? e.getClass().getSimpleName()
                        : e.getMessage().lines().findFirst().orElse("")));
      }
    }
  }
}
