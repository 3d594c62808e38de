package dev.schemagate.operator.promotion;

import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.crds.v1alpha1.PromotionPhase;
import dev.schemagate.crds.v1alpha1.PromotionStatus;
import dev.schemagate.operator.StatusPatch;
import dev.schemagate.operator.contract.LineageSettings;
import dev.schemagate.operator.events.EventRecorder;
import dev.schemagate.operator.promotion.notify.Notifier;
import dev.schemagate.registry.client.lineage.LineageClient;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reconciles a Promotion: carries one version of a DataSchema from the {@code from} environment's
 * registry to the {@code to} environment's, after grading what the change would break. Each job is
 * a class of its own: {@link PromotionEvaluator} decides the {@link Outcome}, {@link
 * ImpactAssessor} grades the impact, {@link StatusWriter} writes the status, {@link Announcer}
 * sends events and notices. A waiting Promotion is woken when its DataSchema has been reconciled
 * (told by the DataSchema controller through {@link #onDataSchema}, which keeps the one informer on
 * DataSchemas) or a DataContract on it changes (an informer), both mapped back by {@code
 * spec.schemaRef}, not only by the retry timer.
 */
public final class PromotionReconciler implements Reconciler<Promotion>, AutoCloseable {
  /** A pause only long enough for the Approved phase to be seen before promoting. */
  private static final Duration PROMOTE_AFTER_APPROVAL = Duration.ofMillis(200);

  /** Promotions by {@code namespace/spec.schemaRef}: how a DataSchema finds its promotions. */
  static final String SCHEMA_REF_INDEX = "promotion-schema-ref";

  private final KubernetesClient kubernetes;
  private final PromotionSettings settings;
  private final Registries registries;
  private final PromotionEvaluator evaluator;
  private final StatusWriter statuses;
  private final Announcer announcer;
  private final boolean useSsa;

  /** Wakes the promotions waiting on a DataSchema that was just reconciled. */
  private final SimpleInboundEventSource<Promotion> schemaChanges =
      new SimpleInboundEventSource<>("promotion-dataschemas");

  /** The promotions, indexed by schema; set once JOSDK prepares the event sources. */
  private volatile IndexerResourceCache<Promotion> promotions;

  public PromotionReconciler(
      KubernetesClient kubernetes,
      LineageClient lineage,
      LineageSettings lineageSettings,
      PromotionSettings settings,
      Notifier notifier,
      EventRecorder events,
      boolean useSsa,
      Clock clock) {
    this.kubernetes = kubernetes;
    this.settings = settings;
    this.registries = new Registries(settings.registryTimeout(), settings.registryAccess());
    this.evaluator =
        new PromotionEvaluator(
            kubernetes,
            settings,
            registries,
            new ImpactAssessor(kubernetes, lineage, lineageSettings));
    this.statuses = new StatusWriter(clock);
    this.announcer = new Announcer(events, notifier);
    this.useSsa = useSsa;
  }

  @Override
  public List<EventSource<?, Promotion>> prepareEventSources(
      EventSourceContext<Promotion> context) {
    IndexerResourceCache<Promotion> promotions = context.getPrimaryCache();
    promotions.addIndexer(
        SCHEMA_REF_INDEX,
        p ->
            p.getSpec() == null || p.getSpec().getSchemaRef() == null
                ? List.of()
                : List.of(key(p.getMetadata().getNamespace(), p.getSpec().getSchemaRef())));
    this.promotions = promotions;
    var contracts =
        InformerEventSourceConfiguration.from(DataContract.class, Promotion.class)
            .withName("promotion-datacontracts")
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(
                (DataContract c) ->
                    c.getSpec() == null
                        ? Set.of()
                        : waiting(promotions, c, c.getSpec().getSchemaRef()))
            .build();
    return List.of(schemaChanges, new InformerEventSource<>(contracts, context));
  }

  /**
   * A DataSchema was reconciled (registered, changed, deleted): the promotions waiting on it look
   * again now rather than at their retry timer.
   */
  public void onDataSchema(DataSchema schema) {
    IndexerResourceCache<Promotion> cache = promotions;
    if (cache == null) {
      return; // not started: every promotion is evaluated once it starts
    }
    waiting(cache, schema, schema.getMetadata().getName()).forEach(schemaChanges::propagateEvent);
  }

  /** The promotions on {@code schemaRef} that are not done yet (a promotion is never undone). */
  private static Set<ResourceID> waiting(
      IndexerResourceCache<Promotion> promotions, HasMetadata changed, String schemaRef) {
    if (schemaRef == null) {
      return Set.of();
    }
    return promotions
        .byIndex(SCHEMA_REF_INDEX, key(changed.getMetadata().getNamespace(), schemaRef))
        .stream()
        .filter(p -> !isDone(p))
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private static String key(String namespace, String schemaRef) {
    return namespace + "/" + schemaRef;
  }

  private static boolean isDone(Promotion p) {
    PromotionStatus status = p.getStatus();
    return status != null
        && status.getPhase() == PromotionPhase.Promoted
        && Objects.equals(status.getObservedGeneration(), p.getMetadata().getGeneration());
  }

  @Override
  public UpdateControl<Promotion> reconcile(Promotion resource, Context<Promotion> context) {
    if (isDone(resource)) {
      return UpdateControl.noUpdate(); // done; a promotion is never undone
    }
    Outcome outcome = evaluator.evaluate(resource);
    if (outcome.reason() == Reason.AlreadyPromoted && promotedMeanwhile(resource)) {
      return UpdateControl.noUpdate();
    }
    PromotionStatus status = statuses.write(resource, outcome);
    announcer.announce(resource, resource.getStatus(), outcome);
    UpdateControl<Promotion> control =
        UpdateControl.patchStatus(
            StatusPatch.of(resource, status, context, useSsa, Promotion::new));
    if (outcome instanceof Outcome.Approved) {
      return control.rescheduleAfter(PROMOTE_AFTER_APPROVAL); // the next pass registers
    }
    return outcome.retry() ? control.rescheduleAfter(settings.retryInterval()) : control;
  }

  /**
   * The target already holds the content: either someone else put it there, or this pass ran on a
   * cached copy older than our own Promoted status (a DataSchema event can queue a pass before the
   * cache sees that status). Only the API server can tell, and this path is rare.
   */
  private boolean promotedMeanwhile(Promotion resource) {
    Promotion current = kubernetes.resource(resource).get();
    return current != null && isDone(current);
  }

  /** Closes the per-environment registry clients. */
  @Override
  public void close() {
    registries.close();
  }
}
