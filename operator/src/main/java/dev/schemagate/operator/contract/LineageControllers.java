package dev.schemagate.operator.contract;

import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.operator.DataSchemaChanges;
import dev.schemagate.operator.OperatorConfig;
import dev.schemagate.operator.OperatorSettings;
import dev.schemagate.operator.events.EventRecorder;
import dev.schemagate.operator.promotion.PromotionReconciler;
import dev.schemagate.operator.promotion.PromotionSettings;
import dev.schemagate.operator.promotion.notify.Notifier;
import dev.schemagate.registry.client.RegistryAccess;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.lineage.LineageClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.util.Optional;

/**
 * Registers the DataContract and Promotion controllers on an operator, configured by the lineage
 * and promotion parts of the {@link OperatorConfig}. One line in the operator's assembly: {@code
 * LineageControllers.register(operator, kubernetes, registry, config, schemaChanges, events);}
 */
public final class LineageControllers implements AutoCloseable {
  private final Notifier notifier;
  private final PromotionReconciler promotions;
  private final Optional<SchemaRegistryClient> ownLineageRegistry;

  private LineageControllers(
      Notifier notifier, PromotionReconciler promotions, SchemaRegistryClient ownLineageRegistry) {
    this.notifier = notifier;
    this.promotions = promotions;
    this.ownLineageRegistry = Optional.ofNullable(ownLineageRegistry);
  }

  public static LineageControllers register(
      Operator operator,
      KubernetesClient kubernetes,
      SchemaRegistryClient registry,
      OperatorConfig config,
      DataSchemaChanges schemaChanges,
      EventRecorder events) {
    return register(
        operator,
        kubernetes,
        registry,
        config.operator(),
        config.lineage(),
        config.promotions(),
        config.registryAccess(),
        schemaChanges,
        events);
  }

  public static LineageControllers register(
      Operator operator,
      KubernetesClient kubernetes,
      SchemaRegistryClient registry,
      OperatorSettings settings,
      LineageSettings lineageSettings,
      PromotionSettings promotionSettings,
      RegistryAccess access,
      DataSchemaChanges schemaChanges,
      EventRecorder events) {
    Clock clock = Clock.systemUTC();
    // The lineage API usually lives in the same registry: share its client then.
    SchemaRegistryClient lineageRegistry =
        lineageSettings.lineageUrl().equals(settings.registryUrl())
            ? registry
            : SchemaRegistryClient.builder(lineageSettings.lineageUrl())
                .access(access)
                .requestTimeout(settings.registryTimeout())
                .maxBlock(settings.registryTimeout().multipliedBy(2))
                .build();
    LineageClient lineage = lineageRegistry.lineage();
    Notifier notifier = new Notifier(promotionSettings.notifications());
    var contracts =
        new DataContractReconciler(
            kubernetes,
            registry,
            lineage,
            lineageSettings,
            new Checkpoints(registry.checkpoints()),
            settings.retryInterval(),
            settings.useSsa(),
            clock,
            new CelRulePublisher(registry),
            new DriftReports(registry.drift()),
            notifier,
            events);
    var promotions =
        new PromotionReconciler(
            kubernetes,
            lineage,
            lineageSettings,
            promotionSettings,
            notifier,
            events,
            settings.useSsa(),
            clock);
    // Promotions waiting on a DataSchema wake when the DataSchema controller has reconciled it.
    schemaChanges.subscribe(promotions::onDataSchema);
    operator.register(
        contracts,
        c -> {
          c.withReconciliationMaxInterval(settings.resync());
          namespaces(c, settings);
        });
    operator.register(
        promotions,
        c -> {
          c.withReconciliationMaxInterval(settings.resync());
          namespaces(c, settings);
        });
    return new LineageControllers(
        notifier, promotions, lineageRegistry == registry ? null : lineageRegistry);
  }

  private static void namespaces(
      io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider<?> c,
      OperatorSettings settings) {
    if (settings.watchNamespaces().isEmpty()) {
      c.watchingAllNamespaces();
    } else {
      c.settingNamespaces(settings.watchNamespaces());
    }
  }

  @Override
  public void close() {
    notifier.close();
    promotions.close();
    ownLineageRegistry.ifPresent(SchemaRegistryClient::close);
  }

  /** Only to keep the type names visible to readers of the registration. */
  static final Class<?>[] KINDS = {DataContract.class, Promotion.class};
}
