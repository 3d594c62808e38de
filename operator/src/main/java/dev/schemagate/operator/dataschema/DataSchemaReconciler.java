package dev.schemagate.operator.dataschema;

import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaParser;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.DataSchemaStatus;
import dev.schemagate.operator.DataSchemaChanges;
import dev.schemagate.operator.OperatorSettings;
import dev.schemagate.operator.StatusPatch;
import dev.schemagate.operator.events.EventRecorder;
import dev.schemagate.operator.events.EventRecorder.Type;
import dev.schemagate.operator.status.Conditions;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reconciles a DataSchema into its registry subject: resolve the text, check ownership, parse and
 * fingerprint, then register, adopt, refuse or report drift, and write all of it to the status.
 *
 * <p>Runs in JOSDK's all-events mode and manages its finalizer itself: only a resource whose
 * deletion must soft-delete its subject ({@code deletionPolicy: Delete}) carries one. A Retain
 * resource (the default) needs none, so it costs one API write fewer to bring to Ready and its
 * namespace can be deleted while the operator is down; its deletion still hands the subject over to
 * the next claimant, from the delete event.
 */
public final class DataSchemaReconciler implements Reconciler<DataSchema> {
  static final String CONFIGMAP_INDEX = "schemagate.dev/configmap";

  /** The name JOSDK gave the finalizer when it managed it, kept for resources that carry it. */
  public static final String FINALIZER = "dataschemas.schemagate.dev/finalizer";

  private final SchemaRegistryClient registry;
  private final SchemaParser parser;
  private final FingerprintMemo fingerprints = new FingerprintMemo();
  private final SubjectRegistrar registrar;
  private final SubjectCleanup cleanup;
  private final StatusWriter statuses;
  private final EventRecorder events;
  private final MeterRegistry meters;
  private final OperatorSettings settings;
  private final DataSchemaChanges changes;

  /** Wakes the other claimants of a subject when its owner goes away. */
  private final SimpleInboundEventSource<DataSchema> handovers =
      new SimpleInboundEventSource<>("subject-handover");

  public DataSchemaReconciler(
      SchemaRegistryClient registry,
      SchemaParser parser,
      EventRecorder events,
      MeterRegistry meters,
      OperatorSettings settings,
      Clock clock,
      DataSchemaChanges changes) {
    this.changes = changes;
    this.registry = registry;
    this.parser = parser;
    this.registrar =
        new SubjectRegistrar(
            registry,
            parser,
            fingerprints,
            new CoreCompatibilityGate(
                registry,
                parser,
                Compatibility.checker(),
                new RegistryCompatibilityGate(registry)));
    this.cleanup = new SubjectCleanup(registry, events, settings, clock);
    this.statuses = new StatusWriter(clock);
    this.events = events;
    this.meters = meters;
    this.settings = settings;
  }

  @Override
  public List<EventSource<?, DataSchema>> prepareEventSources(
      EventSourceContext<DataSchema> context) {
    var primaries = context.getPrimaryCache();
    primaries.addIndexers(
        Map.of(
            SubjectClaims.INDEX,
            SubjectClaims::indexKeys,
            CONFIGMAP_INDEX,
            DataSchemaReconciler::configMapKeys));
    var configMaps =
        InformerEventSourceConfiguration.from(ConfigMap.class, DataSchema.class)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(
                (ConfigMap cm) ->
                    primaries
                        .byIndex(
                            CONFIGMAP_INDEX,
                            cm.getMetadata().getNamespace() + "/" + cm.getMetadata().getName())
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return List.of(new InformerEventSource<>(configMaps, context), handovers);
  }

  @Override
  public UpdateControl<DataSchema> reconcile(DataSchema resource, Context<DataSchema> context) {
    UpdateControl<DataSchema> control = reconcileAny(resource, context);
    // The registry now holds what this reconcile registered: the other controllers may look.
    changes.publish(resource);
    return control;
  }

  private UpdateControl<DataSchema> reconcileAny(DataSchema resource, Context<DataSchema> context) {
    if (context.isPrimaryResourceDeleted()) {
      wakeOtherClaimants(resource, context);
      return UpdateControl.noUpdate();
    }
    if (resource.isMarkedForDeletion()) {
      return release(resource, context);
    }
    DataSchema current = holdFinalizerAsNeeded(resource, context);
    return reconcileLive(current, context);
  }

  private UpdateControl<DataSchema> reconcileLive(
      DataSchema resource, Context<DataSchema> context) {
    if (Annotations.isUnmanaged(resource)) {
      return patch(resource, statuses.unmanaged(resource), context);
    }
    if (Annotations.isPaused(resource)) {
      return patch(resource, statuses.paused(resource), context);
    }
    String subject = resource.subject();
    Optional<String> fingerprint = Optional.empty();
    try {
      var owner = SubjectClaims.olderClaimant(resource, context.getPrimaryCache());
      if (owner.isPresent()) {
        var conflict = SubjectClaims.conflictWith(resource, owner.get());
        announce(resource, conflict);
        var control =
            patch(resource, statuses.forFailure(resource, subject, fingerprint, conflict), context);
        // An owner on its way out hands the subject over soon: look again shortly.
        return owner.get().isMarkedForDeletion()
            ? control.rescheduleAfter(settings.retryInterval())
            : control;
      }
      Candidate candidate = candidate(resource, context);
      fingerprint = Optional.of(candidate.fingerprint().value());
      Outcome outcome = reconcileInRegistry(candidate, resource);
      announce(resource, outcome);
      return patch(
          resource, statuses.forOutcome(resource, subject, fingerprint.get(), outcome), context);
    } catch (ReconcileException failure) {
      announce(resource, failure);
      var control =
          patch(resource, statuses.forFailure(resource, subject, fingerprint, failure), context);
      return failure.reason() == Reason.RegistryUnreachable
          ? control.rescheduleAfter(settings.retryInterval())
          : control;
    }
  }

  /** A resource on its way out: soft-delete its subject if it must, then let it go. */
  private UpdateControl<DataSchema> release(DataSchema resource, Context<DataSchema> context) {
    if (!resource.hasFinalizer(FINALIZER)) {
      return UpdateControl.noUpdate(); // another party's finalizer holds it; nothing of ours to do
    }
    DeleteControl control = cleanup.cleanup(resource, context.getPrimaryCache());
    if (!control.isRemoveFinalizer()) {
      return UpdateControl.<DataSchema>noUpdate()
          .rescheduleAfter(control.getScheduleDelay().orElse(settings.retryInterval().toMillis()));
    }
    PrimaryUpdateAndCacheUtils.removeFinalizer(context, FINALIZER);
    wakeOtherClaimants(resource, context);
    return UpdateControl.noUpdate();
  }

  /**
   * Adds the finalizer when deleting the resource must clean up the registry, and removes it when
   * it no longer must (policy back to Retain, or a finalizer an older operator put on every
   * resource). The resource as it now is.
   */
  private static DataSchema holdFinalizerAsNeeded(
      DataSchema resource, Context<DataSchema> context) {
    boolean needed = SubjectCleanup.needsFinalizer(resource);
    boolean held = resource.hasFinalizer(FINALIZER);
    if (needed && !held) {
      return PrimaryUpdateAndCacheUtils.addFinalizer(context, FINALIZER);
    }
    if (!needed && held) {
      return PrimaryUpdateAndCacheUtils.removeFinalizer(context, FINALIZER);
    }
    return resource;
  }

  /** When a subject's claimant goes away, the next oldest one may take the subject over. */
  private void wakeOtherClaimants(DataSchema resource, Context<DataSchema> context) {
    SubjectClaims.otherClaimants(resource, context.getPrimaryCache())
        .forEach(other -> handovers.propagateEvent(ResourceID.fromResource(other)));
  }

  @Override
  public ErrorStatusUpdateControl<DataSchema> updateErrorStatus(
      DataSchema resource, Context<DataSchema> context, Exception e) {
    var failure =
        new ReconcileException(
            Reason.ReconcileError, "operator error, retrying: " + e.getMessage(), e);
    DataSchemaStatus status =
        statuses.forFailure(resource, resource.subject(), Optional.empty(), failure);
    return ErrorStatusUpdateControl.patchStatus(withStatus(resource, status, context));
  }

  private Outcome reconcileInRegistry(Candidate candidate, DataSchema resource)
      throws ReconcileException {
    boolean firstReconcile =
        resource.getStatus() == null || resource.getStatus().getVersion() == null;
    try {
      return registrar.reconcile(candidate, firstReconcile);
    } catch (RegistryException e) {
      throw RegistryFailures.toReconcile(e, settings.registryUrl(), settings.retryInterval());
    }
  }

  private Candidate candidate(DataSchema resource, Context<DataSchema> context)
      throws ReconcileException {
    String text = new SchemaTextSource((ns, name) -> configMap(context, ns, name)).textOf(resource);
    SchemaFormat format = SchemaFormat.valueOf(resource.getSpec().getFormat().name());
    List<SchemaReference> references =
        resource.getSpec().getReferences().stream()
            .map(r -> new SchemaReference(r.name(), r.subject(), r.version()))
            .toList();
    Map<String, String> referenced = referencedTexts(references);
    var submission = new SchemaSubmission(format, text, references);
    var level = CompatibilityLevel.valueOf(resource.getSpec().getCompatibility().name());
    var known = fingerprints.known(format, text, referenced);
    if (known.isPresent()) {
      return Candidate.known(
          resource.subject(),
          submission,
          known.get(),
          level,
          () -> parser.parse(format, text, referenced));
    }
    try {
      ParsedSchema parsed = parser.parse(format, text, referenced);
      fingerprints.remember(format, text, referenced, parsed.fingerprint());
      return Candidate.parsed(resource.subject(), submission, parsed, level);
    } catch (InvalidSchemaException e) {
      throw new ReconcileException(
          Reason.InvalidSchema,
          "the schema is not a valid %s schema: %s".formatted(format, e.getMessage()));
    }
  }

  private Map<String, String> referencedTexts(List<SchemaReference> references)
      throws ReconcileException {
    Map<String, String> texts = new HashMap<>();
    for (SchemaReference ref : references) {
      try {
        var found = registry.version(ref.subject(), ref.version());
        if (found.isEmpty()) {
          throw new ReconcileException(
              Reason.ReferenceNotFound,
              ("reference '%s' names version %d of subject '%s', which the registry does not"
                      + " have; register it first or fix spec.references")
                  .formatted(ref.name(), ref.version(), ref.subject()));
        }
        texts.put(ref.name(), found.get().schema());
      } catch (RegistryException e) {
        throw RegistryFailures.toReconcile(e, settings.registryUrl(), settings.retryInterval());
      }
    }
    return texts;
  }

  @SuppressWarnings("unchecked")
  private static Optional<ConfigMap> configMap(
      Context<DataSchema> context, String ns, String name) {
    var source =
        (InformerEventSource<ConfigMap, DataSchema>)
            context.eventSourceRetriever().getEventSourceFor(ConfigMap.class);
    return source.get(new ResourceID(name, ns));
  }

  private static List<String> configMapKeys(DataSchema resource) {
    var from = resource.getSpec() == null ? null : resource.getSpec().getSchemaFrom();
    if (from == null || from.configMapKeyRef() == null) {
      return List.of();
    }
    return List.of(resource.getMetadata().getNamespace() + "/" + from.configMapKeyRef().name());
  }

  private void announce(DataSchema resource, Outcome outcome) {
    meters
        .counter("schemagate.dataschema.outcomes", "outcome", outcome.getClass().getSimpleName())
        .increment();
    switch (outcome) {
      case Outcome.Registered r ->
          events.record(
              resource,
              Type.Normal,
              Reason.Registered.name(),
              "registered version %d (id %d) of subject '%s'"
                  .formatted(r.schema().version(), r.schema().id(), r.schema().subject()));
      case Outcome.InSync s when s.adopted() ->
          events.record(
              resource,
              Type.Normal,
              Reason.Adopted.name(),
              "adopted subject '%s' at version %d (id %d)"
                  .formatted(s.schema().subject(), s.schema().version(), s.schema().id()));
      case Outcome.Drifted d ->
          events.record(
              resource,
              Type.Warning,
              Reason.DriftDetected.name(),
              "subject '%s' has version %d registered out of band; this resource declares version %d"
                  .formatted(d.latest().subject(), d.latest().version(), d.declared().version()));
      case Outcome.Refused r when changedSinceLastTime(resource, Reason.IncompatibleChange) ->
          events.record(
              resource,
              Type.Warning,
              Reason.IncompatibleChange.name(),
              "refused to register: "
                  + r.changes().size()
                  + " breaking change(s), first: "
                  + r.changes().get(0).path()
                  + " "
                  + r.changes().get(0).message());
      default -> {}
    }
  }

  private void announce(DataSchema resource, ReconcileException failure) {
    meters
        .counter("schemagate.dataschema.outcomes", "outcome", failure.reason().name())
        .increment();
    if (changedSinceLastTime(resource, failure.reason())) {
      events.record(resource, Type.Warning, failure.reason().name(), failure.getMessage());
    }
  }

  /** Events for a lasting condition go out once per generation, not on every retry. */
  private static boolean changedSinceLastTime(DataSchema resource, Reason reason) {
    DataSchemaStatus old = resource.getStatus();
    if (old == null
        || !resource.getMetadata().getGeneration().equals(old.getObservedGeneration())) {
      return true;
    }
    return old.condition(Conditions.READY).map(c -> !c.reason().equals(reason.name())).orElse(true);
  }

  private UpdateControl<DataSchema> patch(
      DataSchema resource, DataSchemaStatus status, Context<DataSchema> context) {
    if (sameStatus(resource.getStatus(), status)) {
      return UpdateControl.noUpdate();
    }
    return UpdateControl.patchStatus(withStatus(resource, status, context));
  }

  private static boolean sameStatus(DataSchemaStatus a, DataSchemaStatus b) {
    var json = Serialization.jsonMapper();
    return a != null && json.valueToTree(a).equals(json.valueToTree(b));
  }

  private DataSchema withStatus(
      DataSchema resource, DataSchemaStatus status, Context<DataSchema> context) {
    return StatusPatch.of(resource, status, context, settings.useSsa(), DataSchema::new);
  }
}
