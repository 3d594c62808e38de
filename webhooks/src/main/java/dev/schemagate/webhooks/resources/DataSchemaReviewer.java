package dev.schemagate.webhooks.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.review.Decision;
import dev.schemagate.core.review.DenialReason;
import dev.schemagate.core.review.ProposedSchema;
import dev.schemagate.core.review.SchemaChangeReview;
import dev.schemagate.core.review.SubjectHistory;
import dev.schemagate.webhooks.admission.Admission;
import dev.schemagate.webhooks.admission.AdmissionReviewer;
import dev.schemagate.webhooks.admission.WebhookException;
import dev.schemagate.webhooks.kubernetes.ClusterReader;
import dev.schemagate.webhooks.registry.RegistryGateway;
import dev.schemagate.webhooks.resources.SpecReader.InvalidSpec;
import java.util.Optional;

/**
 * DataSchema: the schema parses, keeps the subject's compatibility level against its registered
 * history, and {@code subject} and {@code format} never change.
 */
public final class DataSchemaReviewer implements AdmissionReviewer {
  private final SchemaChangeReview review;
  private final RegistryGateway registry;
  private final SchemaSources sources;

  public DataSchemaReviewer(
      SchemaChangeReview review, RegistryGateway registry, ClusterReader cluster) {
    this.review = review;
    this.registry = registry;
    this.sources = new SchemaSources(cluster, registry);
  }

  @Override
  public String kind() {
    return "DataSchema";
  }

  @Override
  public Decision review(Admission admission) throws WebhookException {
    if (admission.isDelete() || admission.subResource().isPresent()) {
      return Decision.allow(); // deletion policy is the operator's; status is the operator's
    }
    JsonNode object = admission.object().orElse(null);
    if (object == null) {
      return Decision.deny(DenialReason.BAD_REQUEST, "the request carries no object");
    }
    DataSchemaSpec spec;
    try {
      spec = DataSchemaSpec.read(object);
    } catch (InvalidSpec invalid) {
      return Decision.deny(DenialReason.INVALID_SPEC, invalid.getMessage());
    }
    if (admission.isUpdate() && admission.oldObject().isPresent()) {
      Optional<Decision> unchanged = againstStored(admission.oldObject().get(), object, spec);
      if (unchanged.isPresent()) {
        return unchanged.get();
      }
    }
    SchemaSources.Source source;
    switch (sources.resolve(admission.namespace(), spec)) {
      case SchemaSources.Resolved.Missing missing -> {
        return missing.denial();
      }
      case SchemaSources.Resolved.Found found -> source = found.source();
    }
    ProposedSchema proposed =
        new ProposedSchema(
            spec.subject(),
            spec.format(),
            source.text(),
            spec.compatibility(),
            source.references());
    SubjectHistory history;
    try {
      history = registry.history(spec.subject());
    } catch (WebhookException unavailable) {
      // A schema that does not even parse (or is past a limit) is refused whether or not the
      // registry answers.
      Decision offline = review.review(proposed, SubjectHistory.empty());
      if (offline instanceof Decision.Denied denied
          && (denied.reason() == DenialReason.INVALID_SCHEMA
              || denied.reason() == DenialReason.SCHEMA_TOO_COMPLEX)) {
        return denied;
      }
      throw unavailable;
    }
    return review.review(proposed, history);
  }

  /**
   * Immutable fields, and the shortcut for updates that leave the spec alone (labels, finalizers,
   * the operator's own metadata): those must pass even while the registry is down.
   */
  private static Optional<Decision> againstStored(
      JsonNode oldObject, JsonNode object, DataSchemaSpec spec) {
    DataSchemaSpec stored;
    try {
      stored = DataSchemaSpec.read(oldObject);
    } catch (InvalidSpec unreadable) {
      return Optional.empty(); // nothing sound to compare with: judge the new spec alone
    }
    if (!stored.subject().equals(spec.subject())) {
      return Optional.of(
          Decision.deny(
              DenialReason.IMMUTABLE_FIELD,
              "spec.subject is immutable: it was \"%s\", the update makes it \"%s\"; create a new"
                      .formatted(stored.subject(), spec.subject())
                  + " DataSchema for a new subject"));
    }
    if (stored.format() != spec.format()) {
      return Optional.of(
          Decision.deny(
              DenialReason.IMMUTABLE_FIELD,
              "spec.format is immutable: it was %s, the update makes it %s; create a new"
                      .formatted(stored.format(), spec.format())
                  + " DataSchema (and subject) for the other format"));
    }
    return oldObject.path("spec").equals(object.path("spec"))
        ? Optional.of(Decision.allow())
        : Optional.empty();
  }
}
