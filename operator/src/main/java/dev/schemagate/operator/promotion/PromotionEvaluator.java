package dev.schemagate.operator.promotion;

import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.Schemas;
import dev.schemagate.crds.v1alpha1.Approval;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.crds.v1alpha1.PromotionStatus;
import dev.schemagate.operator.promotion.ImpactAssessor.LineageFailure;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.RegistryMode;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what a Promotion comes to, step by step: both environments known, the DataSchema and the
 * source version found, the content not already in the target, the impact graded and approved where
 * the grade requires it; then the same content is registered in the target (with the same id when
 * the target subject is in IMPORT mode). Touches no status; {@link StatusWriter} does.
 */
final class PromotionEvaluator {
  private final KubernetesClient kubernetes;
  private final PromotionSettings settings;
  private final Registries registries;
  private final ImpactAssessor impact;

  PromotionEvaluator(
      KubernetesClient kubernetes,
      PromotionSettings settings,
      Registries registries,
      ImpactAssessor impact) {
    this.kubernetes = kubernetes;
    this.settings = settings;
    this.registries = registries;
    this.impact = impact;
  }

  Outcome evaluate(Promotion resource) {
    var spec = resource.getSpec();
    Optional<URI> fromUrl = settings.environments().registry(spec.getFrom());
    Optional<URI> toUrl = settings.environments().registry(spec.getTo());
    if (fromUrl.isEmpty() || toUrl.isEmpty()) {
      String unknown = fromUrl.isEmpty() ? spec.getFrom() : spec.getTo();
      return new Outcome.Failed(
          Reason.UnknownEnvironment,
          "environment '%s' is not configured; known: %s (SCHEMAGATE_ENVIRONMENTS)"
              .formatted(unknown, settings.environments().names()),
          false);
    }
    String namespace = resource.getMetadata().getNamespace();
    DataSchema schemaResource =
        kubernetes
            .resources(DataSchema.class)
            .inNamespace(namespace)
            .withName(spec.getSchemaRef())
            .get();
    if (schemaResource == null) {
      return new Outcome.Waiting(
          Reason.DataSchemaNotFound,
          "DataSchema '%s' does not exist in namespace %s; waiting for it"
              .formatted(spec.getSchemaRef(), namespace));
    }
    String subject = schemaResource.subject();
    SchemaRegistryClient source = registries.of(fromUrl.get().toString());
    SchemaRegistryClient target = registries.of(toUrl.get().toString());

    RegisteredSchema promoted;
    try {
      Optional<RegisteredSchema> found = source.version(subject, spec.getVersion());
      if (found.isEmpty()) {
        return new Outcome.Waiting(
            Reason.VersionNotFound,
            "version %d of subject '%s' is not in %s's registry; waiting for it"
                .formatted(spec.getVersion(), subject, spec.getFrom()));
      }
      promoted = found.get();
    } catch (RegistryException e) {
      return registryFailure(spec.getFrom(), e, Optional.empty());
    }
    ParsedSchema candidate;
    try {
      candidate = Schemas.parse(promoted.format(), promoted.schema());
    } catch (InvalidSchemaException e) {
      return new Outcome.Failed(
          Reason.InvalidSchema,
          "version %d in %s does not parse: %s"
              .formatted(spec.getVersion(), spec.getFrom(), e.getMessage()),
          false);
    }
    SchemaSubmission submission =
        new SchemaSubmission(promoted.format(), promoted.schema(), promoted.references());

    Optional<RegisteredSchema> latest;
    try {
      Optional<RegisteredSchema> present = target.lookup(subject, submission);
      if (present.isPresent()) {
        return promoted(
            Reason.AlreadyPromoted,
            Assessment.none("already registered in " + spec.getTo()),
            candidate,
            present.get(),
            spec.getTo());
      }
      latest = target.latest(subject);
    } catch (RegistryException e) {
      return registryFailure(spec.getTo(), e, Optional.empty());
    }
    Assessment assessment;
    try {
      assessment = impact.assess(resource, subject, candidate, latest);
    } catch (LineageFailure e) {
      Reason reason = Reason.of(e.failure(), Reason.LineageUnavailable);
      return new Outcome.Failed(
          reason,
          "cannot grade the impact, so not promoting: " + e.getMessage(),
          reason == Reason.LineageUnavailable);
    } catch (InvalidSchemaException e) {
      return new Outcome.Failed(
          Reason.InvalidSchema,
          spec.getTo() + "'s latest version does not parse: " + e.getMessage(),
          false);
    }

    List<String> missing = missingApprovals(assessment, spec.getApprovals());
    if (assessment.blocking() && !missing.isEmpty()) {
      return new Outcome.Blocked(
          assessment,
          missing,
          "%s impact: %s. Waiting for approval from %s"
              .formatted(
                  assessment.impact().severity(),
                  assessment.impact().reason(),
                  String.join(", ", missing)));
    }
    if (assessment.blocking() && !approvedAtThisGeneration(resource)) {
      return new Outcome.Approved(assessment, approvalMessage(resource));
    }
    try {
      if (target.mode(subject) == RegistryMode.IMPORT) {
        target.registerWithId(subject, submission, promoted.id());
      } else {
        target.register(subject, submission, false);
      }
      RegisteredSchema registered =
          target
              .lookup(subject, submission)
              .orElseThrow(
                  () ->
                      new RegistryException(
                          RegistryException.Reason.UNAVAILABLE,
                          40403,
                          "registered, but the target does not find the content again"));
      return promoted(
          assessment.blocking() ? Reason.PromotedAfterApproval : Reason.Promoted,
          assessment,
          candidate,
          registered,
          spec.getTo());
    } catch (RegistryException e) {
      return registryFailure(spec.getTo(), e, Optional.of(assessment));
    }
  }

  private static Outcome registryFailure(
      String environment, RegistryException e, Optional<Assessment> assessment) {
    Reason reason = Reason.of(e, Reason.RegistryUnreachable);
    String message =
        switch (reason) {
          case RegistryUnreachable ->
              "%s's registry did not answer: %s; retrying".formatted(environment, e.getMessage());
          case RegistryNotAuthorized ->
              "%s's registry refused the operator's credentials: %s"
                  .formatted(environment, e.getMessage());
          default -> "%s's registry refused the schema: %s".formatted(environment, e.getMessage());
        };
    return new Outcome.Failed(reason, message, reason == Reason.RegistryUnreachable, assessment);
  }

  private static Outcome promoted(
      Reason reason,
      Assessment assessment,
      ParsedSchema candidate,
      RegisteredSchema registered,
      String to) {
    return new Outcome.Promoted(
        reason,
        "registered in %s as version %d (id %d), fingerprint %s"
            .formatted(to, registered.version(), registered.id(), candidate.fingerprint()),
        assessment,
        new Outcome.Registered(
            candidate.fingerprint().value(), registered.version(), registered.id()));
  }

  private static List<String> missingApprovals(Assessment assessment, List<Approval> approvals) {
    Set<String> approved = approvals.stream().map(Approval::team).collect(Collectors.toSet());
    return assessment.requiredApprovers().stream().filter(t -> !approved.contains(t)).toList();
  }

  /** The Approved phase was written for this generation: the next pass may register. */
  private static boolean approvedAtThisGeneration(Promotion resource) {
    PromotionStatus status = resource.getStatus();
    return status != null
        && Objects.equals(status.getObservedGeneration(), resource.getMetadata().getGeneration())
        && status
            .condition(StatusWriter.APPROVED)
            .map(c -> c.isTrue() && Reason.ApprovedByOwners.name().equals(c.reason()))
            .orElse(false);
  }

  private static String approvalMessage(Promotion resource) {
    return "approved by "
        + String.join(
            ", ",
            resource.getSpec().getApprovals().stream()
                .map(a -> a.team() + " (" + a.by() + ")")
                .toList());
  }
}
