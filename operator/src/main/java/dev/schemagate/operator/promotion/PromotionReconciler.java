package dev.schemagate.operator.promotion;

import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.Schemas;
import dev.schemagate.crds.v1alpha1.Approval;
import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.crds.v1alpha1.PromotionPhase;
import dev.schemagate.crds.v1alpha1.PromotionStatus;
import dev.schemagate.operator.StatusPatch;
import dev.schemagate.operator.contract.LineageClient;
import dev.schemagate.operator.contract.LineageColumns;
import dev.schemagate.operator.contract.LineageSettings;
import dev.schemagate.operator.contract.StatusConditions;
import dev.schemagate.operator.events.EventRecorder;
import dev.schemagate.operator.promotion.notify.Notifier;
import dev.schemagate.operator.promotion.notify.PromotionNotice;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reconciles a Promotion: carries one version of a DataSchema from the {@code from} environment's
 * registry to the {@code to} environment's, after grading what the change would break. The change
 * set is the core engine's diff against the target's latest version; the fields it touches are
 * looked up in the lineage graph, whose severity policy grades the impact. A blocking grade holds
 * the promotion in {@code Blocked} until {@code spec.approvals} names every owner the assessment
 * requires; then the same content is registered in the target (with the same id when the target
 * subject is in IMPORT mode). Each phase change is an event, a condition and, for Blocked, Approved
 * and Failed, a notification.
 */
public final class PromotionReconciler implements Reconciler<Promotion> {
  /** A pause only long enough for the Approved phase to be seen before promoting. */
  private static final Duration PROMOTE_AFTER_APPROVAL = Duration.ofMillis(200);

  static final String READY = "Ready";
  static final String ASSESSED = "Assessed";
  static final String APPROVED = "Approved";

  private final KubernetesClient kubernetes;
  private final LineageClient lineage;
  private final LineageSettings lineageSettings;
  private final PromotionSettings settings;
  private final EventRecorder events;
  private final Notifier notifier;
  private final boolean useSsa;
  private final Clock clock;
  private final Map<String, SchemaRegistryClient> registries = new ConcurrentHashMap<>();

  public PromotionReconciler(
      KubernetesClient kubernetes,
      LineageClient lineage,
      LineageSettings lineageSettings,
      PromotionSettings settings,
      Notifier notifier,
      boolean useSsa,
      Clock clock) {
    this.kubernetes = kubernetes;
    this.lineage = lineage;
    this.lineageSettings = lineageSettings;
    this.settings = settings;
    this.events = new EventRecorder(kubernetes, clock);
    this.notifier = notifier;
    this.useSsa = useSsa;
    this.clock = clock;
  }

  /** Where a reconcile got to. */
  record Outcome(
      PromotionPhase phase,
      String reason,
      String message,
      Optional<Assessment> assessment,
      List<String> missingApprovals,
      Optional<Registered> registered,
      boolean retry) {
    static Outcome of(PromotionPhase phase, String reason, String message, boolean retry) {
      return new Outcome(
          phase, reason, message, Optional.empty(), List.of(), Optional.empty(), retry);
    }
  }

  /** What the target registry holds after promotion. */
  record Registered(String fingerprint, int version, int id) {}

  @Override
  public UpdateControl<Promotion> reconcile(Promotion resource, Context<Promotion> context) {
    PromotionStatus old = resource.getStatus();
    Long generation = resource.getMetadata().getGeneration();
    if (old != null
        && old.getPhase() == PromotionPhase.Promoted
        && Objects.equals(old.getObservedGeneration(), generation)) {
      return UpdateControl.noUpdate(); // done; a promotion is never undone
    }
    Outcome outcome = evaluate(resource);
    PromotionStatus status = status(resource, outcome);
    announce(resource, old, outcome);
    UpdateControl<Promotion> control =
        UpdateControl.patchStatus(withStatus(resource, status, context));
    if (outcome.phase() == PromotionPhase.Approved) {
      return control.rescheduleAfter(PROMOTE_AFTER_APPROVAL); // the next pass registers
    }
    return outcome.retry() ? control.rescheduleAfter(settings.retryInterval()) : control;
  }

  private Outcome evaluate(Promotion resource) {
    var spec = resource.getSpec();
    String namespace = resource.getMetadata().getNamespace();
    Optional<String> fromUrl = settings.environments().registryUrl(spec.getFrom());
    Optional<String> toUrl = settings.environments().registryUrl(spec.getTo());
    if (fromUrl.isEmpty() || toUrl.isEmpty()) {
      String unknown = fromUrl.isEmpty() ? spec.getFrom() : spec.getTo();
      return Outcome.of(
          PromotionPhase.Failed,
          "UnknownEnvironment",
          "environment '%s' is not configured; known: %s (SCHEMAGATE_ENVIRONMENTS)"
              .formatted(unknown, settings.environments().names()),
          false);
    }
    DataSchema schemaResource =
        kubernetes
            .resources(DataSchema.class)
            .inNamespace(namespace)
            .withName(spec.getSchemaRef())
            .get();
    if (schemaResource == null) {
      return Outcome.of(
          PromotionPhase.Pending,
          "DataSchemaNotFound",
          "DataSchema '%s' does not exist in namespace %s"
              .formatted(spec.getSchemaRef(), namespace),
          true);
    }
    String subject = schemaResource.subject();
    SchemaRegistryClient source = registry(fromUrl.get());
    SchemaRegistryClient target = registry(toUrl.get());

    RegisteredSchema promoted;
    try {
      Optional<RegisteredSchema> found = source.version(subject, spec.getVersion());
      if (found.isEmpty()) {
        return Outcome.of(
            PromotionPhase.Failed,
            "VersionNotFound",
            "version %d of subject '%s' is not in %s's registry"
                .formatted(spec.getVersion(), subject, spec.getFrom()),
            true);
      }
      promoted = found.get();
    } catch (RegistryException e) {
      return Outcome.of(
          PromotionPhase.Failed,
          "SourceUnreachable",
          "%s's registry did not answer: %s".formatted(spec.getFrom(), e.getMessage()),
          true);
    }
    ParsedSchema candidate;
    try {
      candidate = Schemas.parse(promoted.format(), promoted.schema());
    } catch (InvalidSchemaException e) {
      return Outcome.of(PromotionPhase.Failed, "InvalidSchema", e.getMessage(), false);
    }
    SchemaSubmission submission =
        new SchemaSubmission(promoted.format(), promoted.schema(), promoted.references());

    Assessment assessment;
    try {
      Optional<RegisteredSchema> present = target.lookup(subject, submission);
      if (present.isPresent()) {
        return promoted(
            Assessment.none("already registered in " + spec.getTo()),
            candidate,
            present.get(),
            "AlreadyPromoted",
            spec.getTo());
      }
      assessment = assess(resource, subject, candidate, target.latest(subject));
    } catch (RegistryException e) {
      return unreachable(spec.getTo(), e);
    } catch (LineageClient.LineageUnavailableException e) {
      return Outcome.of(
          PromotionPhase.Failed,
          "LineageUnavailable",
          "cannot grade the impact, so not promoting: " + e.getMessage(),
          true);
    } catch (InvalidSchemaException e) {
      return Outcome.of(
          PromotionPhase.Failed,
          "TargetSchemaUnparsable",
          spec.getTo() + "'s latest version does not parse: " + e.getMessage(),
          false);
    }

    List<String> missing = missingApprovals(assessment, spec.getApprovals());
    if (assessment.blocking() && !missing.isEmpty()) {
      return new Outcome(
          PromotionPhase.Blocked,
          "AwaitingApproval",
          "%s impact: %s. Waiting for approval from %s"
              .formatted(
                  assessment.impact().severity(),
                  assessment.impact().reason(),
                  String.join(", ", missing)),
          Optional.of(assessment),
          missing,
          Optional.empty(),
          false);
    }
    if (assessment.blocking() && !approvedAtThisGeneration(resource)) {
      // The approval is its own phase, shown and announced once, before the target is touched.
      return new Outcome(
          PromotionPhase.Approved,
          "ApprovedByOwners",
          approvalMessage(resource),
          Optional.of(assessment),
          List.of(),
          Optional.empty(),
          false);
    }
    try {
      TargetRegistry direct = new TargetRegistry(toUrl.get(), settings.registryTimeout());
      if (direct.importMode(subject)) {
        direct.registerWithId(subject, promoted.format(), promoted.schema(), promoted.id());
      } else {
        target.register(subject, submission, false);
      }
      RegisteredSchema registered =
          target
              .lookup(subject, submission)
              .orElseThrow(
                  () ->
                      new RegistryException(
                          RegistryException.Reason.NOT_FOUND,
                          40403,
                          "registered, but the target does not find the content again"));
      return promoted(
          assessment,
          candidate,
          registered,
          assessment.blocking() ? "PromotedAfterApproval" : "Promoted",
          spec.getTo());
    } catch (RegistryException e) {
      return e.reason() == RegistryException.Reason.UNAVAILABLE
          ? unreachable(spec.getTo(), e)
          : new Outcome(
              PromotionPhase.Failed,
              "TargetRefused",
              "%s's registry refused the schema: %s".formatted(spec.getTo(), e.getMessage()),
              Optional.of(assessment),
              List.of(),
              Optional.empty(),
              false);
    }
  }

  private Assessment assess(
      Promotion resource, String subject, ParsedSchema candidate, Optional<RegisteredSchema> latest)
      throws InvalidSchemaException, LineageClient.LineageUnavailableException {
    if (latest.isEmpty()) {
      return Assessment.none("first version of '" + subject + "' in " + resource.getSpec().getTo());
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
              .formatted(latest.get().version(), resource.getSpec().getTo()));
    }
    String dataset = LineageColumns.dataset(subject, topic(resource));
    List<String> columns =
        fields.stream()
            .map(f -> LineageColumns.column(lineageSettings.namespace(), dataset, f))
            .toList();
    return Assessment.of(lineage.impact(columns));
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

  private static List<String> missingApprovals(Assessment assessment, List<Approval> approvals) {
    Set<String> approved =
        approvals.stream().map(Approval::team).collect(java.util.stream.Collectors.toSet());
    return assessment.requiredApprovers().stream().filter(t -> !approved.contains(t)).toList();
  }

  private static Outcome promoted(
      Assessment assessment,
      ParsedSchema candidate,
      RegisteredSchema registered,
      String reason,
      String to) {
    return new Outcome(
        PromotionPhase.Promoted,
        reason,
        "registered in %s as version %d (id %d), fingerprint %s"
            .formatted(to, registered.version(), registered.id(), candidate.fingerprint()),
        Optional.of(assessment),
        List.of(),
        Optional.of(
            new Registered(candidate.fingerprint().value(), registered.version(), registered.id())),
        false);
  }

  private static Outcome unreachable(String environment, RegistryException e) {
    return Outcome.of(
        PromotionPhase.Failed,
        "TargetUnreachable",
        "%s's registry did not answer: %s; retrying".formatted(environment, e.getMessage()),
        true);
  }

  private PromotionStatus status(Promotion resource, Outcome outcome) {
    PromotionStatus old = resource.getStatus();
    PromotionStatus status = new PromotionStatus();
    status.setObservedGeneration(resource.getMetadata().getGeneration());
    status.setPhase(outcome.phase());
    outcome
        .assessment()
        .or(
            () ->
                Optional.ofNullable(old)
                    .map(PromotionStatus::getImpact)
                    .map(i -> new Assessment(i, false, Set.of())))
        .ifPresent(a -> status.setImpact(a.impact()));
    outcome
        .registered()
        .ifPresent(
            r -> {
              status.setFingerprint(r.fingerprint());
              status.setTargetVersion(r.version());
              status.setTargetSchemaId(r.id());
            });
    StatusConditions conditions =
        new StatusConditions(
            old == null ? List.of() : old.getConditions(),
            resource.getMetadata().getGeneration(),
            clock);
    boolean promoted = outcome.phase() == PromotionPhase.Promoted;
    conditions.set(READY, promoted, outcome.reason(), outcome.message());
    outcome
        .assessment()
        .ifPresentOrElse(
            a ->
                conditions.set(
                    ASSESSED,
                    true,
                    "Graded" + titleCase(a.impact().severity().name()),
                    a.impact().reason()),
            () -> conditions.unknown(ASSESSED, outcome.reason(), outcome.message()));
    if (outcome.phase() == PromotionPhase.Blocked) {
      conditions.set(
          APPROVED,
          false,
          "AwaitingApproval",
          "needs approval from " + String.join(", ", outcome.missingApprovals()));
    } else if (outcome.assessment().map(Assessment::blocking).orElse(false)) {
      conditions.set(APPROVED, true, "ApprovedByOwners", "every required owner approved");
    } else if (outcome.assessment().isPresent()) {
      conditions.set(APPROVED, true, "NotRequired", "the impact does not require approval");
    }
    status.setConditions(conditions.build());
    return status;
  }

  private static String titleCase(String s) {
    return s.charAt(0) + s.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  /** An event on every phase change; a notice when the promotion is blocked or fails. */
  private void announce(Promotion resource, PromotionStatus old, Outcome outcome) {
    PromotionPhase before = old == null ? null : old.getPhase();
    String oldReason = old == null ? null : old.condition(READY).map(c -> c.reason()).orElse(null);
    if (before == outcome.phase() && outcome.reason().equals(oldReason)) {
      return;
    }
    events.record(
        resource,
        outcome.phase() == PromotionPhase.Failed || outcome.phase() == PromotionPhase.Blocked
            ? EventRecorder.Type.Warning
            : EventRecorder.Type.Normal,
        outcome.reason(),
        outcome.phase() + ": " + outcome.message());
    if (outcome.phase() == PromotionPhase.Blocked && before != PromotionPhase.Blocked) {
      notifier.send(
          notice("blocked", resource, outcome.assessment(), outcome.missingApprovals(), outcome));
    } else if (outcome.phase() == PromotionPhase.Approved) {
      notifier.send(notice("approved", resource, outcome.assessment(), List.of(), outcome));
    } else if (outcome.phase() == PromotionPhase.Failed && before != PromotionPhase.Failed) {
      notifier.send(notice("failed", resource, outcome.assessment(), List.of(), outcome));
    }
  }

  private static boolean approvedAtThisGeneration(Promotion resource) {
    PromotionStatus status = resource.getStatus();
    return status != null
        && Objects.equals(status.getObservedGeneration(), resource.getMetadata().getGeneration())
        && status
            .condition(APPROVED)
            .map(c -> c.isTrue() && "ApprovedByOwners".equals(c.reason()))
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

  private static PromotionNotice notice(
      String event,
      Promotion resource,
      Optional<Assessment> assessment,
      List<String> missing,
      Outcome outcome) {
    var spec = resource.getSpec();
    List<PromotionNotice.Asset> assets = new ArrayList<>();
    assessment.ifPresent(
        a ->
            a.impact()
                .affectedAssets()
                .forEach(
                    asset ->
                        assets.add(
                            new PromotionNotice.Asset(
                                asset.name(),
                                asset.kind(),
                                asset.owner(),
                                asset.criticality().name(),
                                asset.paths().isEmpty() ? "" : asset.paths().getFirst()))));
    return new PromotionNotice(
        event,
        resource.getMetadata().getNamespace(),
        resource.getMetadata().getName(),
        spec.getSchemaRef(),
        spec.getVersion(),
        spec.getFrom(),
        spec.getTo(),
        assessment.map(a -> a.impact().severity().name()).orElse("NONE"),
        outcome.reason(),
        assets,
        missing,
        outcome.message());
  }

  private SchemaRegistryClient registry(String url) {
    return registries.computeIfAbsent(
        url,
        u ->
            SchemaRegistryClient.builder(u)
                .fromEnvironment(System.getenv())
                .requestTimeout(settings.registryTimeout())
                .maxBlock(settings.registryTimeout())
                .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .failFastFor(Duration.ofMillis(200))
                .latestTtl(Duration.ZERO)
                .build());
  }

  /** Closes the per-environment registry clients. */
  public void close() {
    registries.values().forEach(SchemaRegistryClient::close);
  }

  private Promotion withStatus(
      Promotion resource, PromotionStatus status, Context<Promotion> context) {
    return StatusPatch.of(resource, status, context, useSsa, Promotion::new);
  }
}
