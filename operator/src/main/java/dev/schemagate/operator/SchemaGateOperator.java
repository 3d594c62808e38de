package dev.schemagate.operator;

import dev.schemagate.core.schema.Schemas;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.operator.contract.LineageControllers;
import dev.schemagate.operator.dataschema.DataSchemaReconciler;
import dev.schemagate.operator.events.EventRecorder;
import dev.schemagate.registry.client.SchemaRegistryClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The schemagate operator: JOSDK configured for our controllers, started and stopped as one. */
public final class SchemaGateOperator implements AutoCloseable {
  static final String LEASE_NAME = "schemagate-operator";

  private final Operator operator;
  private final Optional<LineageControllers> lineage;
  private final DataSchemaChanges schemaChanges = new DataSchemaChanges();
  private final EventRecorder events;

  /** Every controller: DataSchema, DataContract and Promotion. */
  public SchemaGateOperator(
      KubernetesClient kubernetes,
      SchemaRegistryClient registry,
      MeterRegistry meters,
      OperatorConfig config) {
    this(kubernetes, registry, meters, config, true);
  }

  /**
   * With {@code contractsAndPromotions} false, only the DataSchema controller runs (its own tests,
   * which wire the other two with test settings of their own).
   */
  public SchemaGateOperator(
      KubernetesClient kubernetes,
      SchemaRegistryClient registry,
      MeterRegistry meters,
      OperatorSettings settings,
      boolean contractsAndPromotions) {
    this(kubernetes, registry, meters, OperatorConfig.of(settings), contractsAndPromotions);
  }

  private SchemaGateOperator(
      KubernetesClient kubernetes,
      SchemaRegistryClient registry,
      MeterRegistry meters,
      OperatorConfig config,
      boolean contractsAndPromotions) {
    OperatorSettings settings = config.operator();
    // One recorder, one writer thread, for every controller's events.
    this.events =
        new EventRecorder(
            kubernetes,
            Clock.systemUTC(),
            meters,
            settings.eventQueue(),
            settings.eventsPerSecond());
    this.operator =
        new Operator(
            o -> {
              o.withKubernetesClient(kubernetes)
                  .withCloseClientOnStop(false)
                  .withUseSSAToPatchPrimaryResource(settings.useSsa())
                  .withConcurrentReconciliationThreads(settings.reconcileThreads())
                  .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(meters))
                  .withStopOnInformerErrorDuringStartup(true)
                  // No CRD read at start-up: the ClusterRole grants no access to CRDs.
                  .checkingCRDAndValidateLocalModel(false);
              if (settings.leaderElection()) {
                var election =
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE_NAME);
                if (!settings.leaseNamespace().isBlank()) {
                  election.withLeaseNamespace(settings.leaseNamespace());
                }
                o.withLeaderElectionConfiguration(election.build());
              }
            });
    var reconciler =
        new DataSchemaReconciler(
            registry, Schemas.parser(), events, meters, settings, Clock.systemUTC(), schemaChanges);
    operator.register(
        reconciler,
        c -> {
          c.withReconciliationMaxInterval(settings.resync())
              // The reconciler manages its finalizer: only Delete-policy resources need one.
              .withTriggerReconcilerOnAllEvents(true)
              // Annotation changes (managed, paused) must reconcile too; status patches must not.
              .withGenerationAware(false)
              .withOnUpdateFilter(SchemaGateOperator.<DataSchema>specOrAnnotationsChanged());
          if (settings.watchNamespaces().isEmpty()) {
            c.watchingAllNamespaces();
          } else {
            c.settingNamespaces(settings.watchNamespaces());
          }
        });
    // DataContract and Promotion: contracts feed lineage, promotions are graded by it.
    this.lineage =
        contractsAndPromotions
            ? Optional.of(
                LineageControllers.register(
                    operator, kubernetes, registry, config, schemaChanges, events))
            : Optional.empty();
  }

  static <R extends io.fabric8.kubernetes.api.model.HasMetadata>
      OnUpdateFilter<R> specOrAnnotationsChanged() {
    return (next, previous) ->
        !Objects.equals(next.getMetadata().getGeneration(), previous.getMetadata().getGeneration())
            || !Objects.equals(
                next.getMetadata().getAnnotations(), previous.getMetadata().getAnnotations())
            || !Objects.equals(
                next.getMetadata().getFinalizers(), previous.getMetadata().getFinalizers())
            || next.getMetadata().getDeletionTimestamp() != null;
  }

  /**
   * DataSchemas as the DataSchema controller reconciles them, for controllers that wait on them.
   */
  public DataSchemaChanges schemaChanges() {
    return schemaChanges;
  }

  /** The recorder every controller writes its Kubernetes events through. */
  EventRecorder events() {
    return events;
  }

  public void start() {
    operator.start();
  }

  @Override
  public void close() {
    operator.stop();
    lineage.ifPresent(LineageControllers::close);
    events.close();
  }
}
