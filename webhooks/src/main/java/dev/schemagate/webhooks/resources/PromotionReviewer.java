package dev.schemagate.webhooks.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.review.Decision;
import dev.schemagate.core.review.DenialReason;
import dev.schemagate.core.review.PromotionRequest;
import dev.schemagate.core.review.PromotionReview;
import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.crds.v1alpha1.PromotionSpec;
import dev.schemagate.webhooks.admission.Admission;
import dev.schemagate.webhooks.admission.AdmissionReviewer;
import dev.schemagate.webhooks.admission.WebhookException;
import dev.schemagate.webhooks.kubernetes.ClusterReader;
import dev.schemagate.webhooks.registry.RegistryGateway;
import dev.schemagate.webhooks.resources.SpecReader.InvalidSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Promotion: the environments are known and in order, the DataSchema exists, and the version is
 * registered in the source environment's registry.
 */
public final class PromotionReviewer implements AdmissionReviewer {
  private final PromotionReview review;
  private final ClusterReader cluster;
  private final Map<String, RegistryGateway> registries;

  /**
   * @param registries each environment's registry; an environment without one cannot be a source
   */
  public PromotionReviewer(
      PromotionReview review, ClusterReader cluster, Map<String, RegistryGateway> registries) {
    this.review = review;
    this.cluster = cluster;
    this.registries = Map.copyOf(registries);
  }

  @Override
  public String kind() {
    return "Promotion";
  }

  private record Spec(String schemaRef, int version, String from, String to) {}

  @Override
  public Decision review(Admission admission) throws WebhookException {
    if (admission.isDelete() || admission.subResource().isPresent()) {
      return Decision.allow();
    }
    if (admission.object().isEmpty()) {
      return Decision.deny(DenialReason.BAD_REQUEST, "the request carries no object");
    }
    Spec spec;
    try {
      spec = read(admission.object().get());
      if (admission.isUpdate() && admission.oldObject().isPresent()) {
        Optional<Spec> stored = readQuietly(admission.oldObject().get());
        if (stored.isPresent() && stored.get().equals(spec)) {
          return Decision.allow(); // approvals added, labels: the promotion itself is unchanged
        }
      }
    } catch (InvalidSpec invalid) {
      return Decision.deny(DenialReason.INVALID_SPEC, invalid.getMessage());
    }
    Decision route = review.route(spec.from(), spec.to());
    if (!route.allowed()) {
      return route;
    }
    Optional<JsonNode> dataSchema = cluster.dataSchema(admission.namespace(), spec.schemaRef());
    if (dataSchema.isEmpty()) {
      return Decision.deny(
          DenialReason.NOT_FOUND,
          "spec.schemaRef: there is no DataSchema \"%s\" in namespace \"%s\""
              .formatted(spec.schemaRef(), admission.namespace()));
    }
    String subject;
    try {
      subject = DataSchemaSpec.read(dataSchema.get()).subject();
    } catch (InvalidSpec invalid) {
      return Decision.deny(
          DenialReason.NOT_FOUND,
          "spec.schemaRef: the DataSchema \"%s\" is itself invalid: %s"
              .formatted(spec.schemaRef(), invalid.getMessage()));
    }
    RegistryGateway source = registries.get(spec.from());
    if (source == null) {
      return Decision.deny(
          DenialReason.INVALID_PROMOTION,
          "no registry is configured for environment \"%s\"".formatted(spec.from()));
    }
    return review.review(
        new PromotionRequest(subject, spec.version(), spec.from(), spec.to()),
        source.versions(subject));
  }

  private static Optional<Spec> readQuietly(JsonNode object) {
    try {
      return Optional.of(read(object));
    } catch (InvalidSpec unreadable) {
      return Optional.empty();
    }
  }

  private static Spec read(JsonNode object) throws InvalidSpec {
    SpecReader.spec(object); // present and an object, or a clear complaint
    PromotionSpec spec = ModelReader.read(object, Promotion.class).getSpec();
    if (spec.getSchemaRef() == null || spec.getSchemaRef().isBlank()) {
      throw new InvalidSpec("spec.schemaRef: is required");
    }
    if (spec.getVersion() == null || spec.getVersion() < 1) {
      throw new InvalidSpec("spec.version: is required, a version number of 1 or more");
    }
    return new Spec(
        spec.getSchemaRef(),
        spec.getVersion(),
        environment(spec.getFrom(), "from"),
        environment(spec.getTo(), "to"));
  }

  private static String environment(String value, String field) throws InvalidSpec {
    if (value == null || value.isBlank()) {
      throw new InvalidSpec("spec." + field + ": is required (an environment)");
    }
    return value.trim().toLowerCase(Locale.ROOT);
  }
}
