package dev.schemagate.operator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.contract.ContractReader;
import dev.schemagate.core.contract.ContractValidator;
import dev.schemagate.core.contract.ContractViolation;
import dev.schemagate.core.contract.InvalidContractException;
import dev.schemagate.core.contract.SchemaField;
import dev.schemagate.core.contract.SchemaFields;
import dev.schemagate.core.contract.cel.CelTranslator;
import dev.schemagate.core.dbt.DbtContractExporter;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.Schemas;
import dev.schemagate.crds.v1alpha1.ContractProblem;
import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.DataContractStatus;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.Drift;
import dev.schemagate.crds.v1alpha1.DriftSummary;
import dev.schemagate.operator.StatusPatch;
import dev.schemagate.operator.events.EventRecorder;
import dev.schemagate.operator.promotion.notify.Notifier;
import dev.schemagate.operator.status.Conditions;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.lineage.ConsumerDeclaration;
import dev.schemagate.registry.client.lineage.LineageClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles a DataContract: resolves its DataSchema to the version registered in the registry,
 * checks every field its rules, metadata and consumers name against that schema (the same check as
 * the admission webhook, from {@code core.contract}), declares its consumers as lineage edges, and
 * writes the dbt model contract into a ConfigMap it owns ({@code <name>-dbt}, key {@code
 * schema.yml}). Conditions: {@code SchemaResolved}, {@code Valid}, {@code Ready}. Shows the
 * registry's latest batch checkpoint and drift report in the status, and announces drift (event,
 * notice) through {@link DriftAnnouncer}.
 */
public final class DataContractReconciler
    implements Reconciler<DataContract>, Cleaner<DataContract> {
  static final String SCHEMA_RESOLVED = "SchemaResolved";
  static final String VALID = "Valid";
  static final String READY = Conditions.READY;

  private final SchemaRegistryClient registry;
  private final LineageClient lineage;
  private final LineageSettings lineageSettings;
  private final DbtConfigMaps configMaps;
  private final Checkpoints checkpoints;
  private final DriftReports driftReports;
  private final DriftAnnouncer drift;
  private final Duration retry;
  private final boolean useSsa;
  private final Clock clock;
  private final CelRulePublisher celRules;

  public DataContractReconciler(
      KubernetesClient kubernetes,
      SchemaRegistryClient registry,
      LineageClient lineage,
      LineageSettings lineageSettings,
      Checkpoints checkpoints,
      Duration retry,
      boolean useSsa,
      Clock clock,
      CelRulePublisher celRules,
      DriftReports driftReports,
      Notifier notifier,
      EventRecorder events) {
    this.checkpoints = checkpoints;
    this.driftReports = driftReports;
    this.drift = new DriftAnnouncer(events, notifier);
    this.celRules = celRules;
    this.registry = registry;
    this.lineage = lineage;
    this.lineageSettings = lineageSettings;
    this.configMaps = new DbtConfigMaps(kubernetes);
    this.retry = retry;
    this.useSsa = useSsa;
    this.clock = clock;
  }

  /** What a reconcile found: the status to write, and whether to look again soon. */
  private record Result(DataContractStatus status, boolean retry) {}

  @Override
  public UpdateControl<DataContract> reconcile(
      DataContract resource, Context<DataContract> context) {
    Result result = evaluate(resource);
    result.status().setLastCheckpoint(lastCheckpoint(resource));
    DriftSummary previousDrift =
        resource.getStatus() == null ? null : resource.getStatus().getLastDrift();
    result.status().setLastDrift(lastDrift(resource, previousDrift));
    drift.announce(resource, previousDrift, result.status().getLastDrift());
    UpdateControl<DataContract> control =
        UpdateControl.patchStatus(withStatus(resource, result.status(), context));
    return result.retry() ? control.rescheduleAfter(retry) : control;
  }

  /**
   * The registry's latest checkpoint; the one already shown when the registry does not answer
   * (checkpoints show up on the next reconcile, at the latest after the resync interval).
   */
  private dev.schemagate.crds.v1alpha1.CheckpointSummary lastCheckpoint(DataContract resource) {
    var previous = resource.getStatus() == null ? null : resource.getStatus().getLastCheckpoint();
    return checkpoints
        .latest(resource.getMetadata().getNamespace(), resource.getMetadata().getName())
        .shown(previous);
  }

  /** The registry's latest drift report; as for checkpoints, the one shown when it is silent. */
  private DriftSummary lastDrift(DataContract resource, DriftSummary previous) {
    return driftReports
        .latest(resource.getMetadata().getNamespace(), resource.getMetadata().getName())
        .shown(previous);
  }

  private Result evaluate(DataContract resource) {
    DataContractStatus status = new DataContractStatus();
    status.setObservedGeneration(resource.getMetadata().getGeneration());
    Conditions conditions =
        new Conditions(
            resource.getStatus() == null ? List.of() : resource.getStatus().getConditions(),
            resource.getMetadata().getGeneration(),
            clock);
    String namespace = resource.getMetadata().getNamespace();
    String schemaRef = resource.getSpec().getSchemaRef();

    DataSchema schemaResource = configMaps.dataSchema(namespace, schemaRef);
    if (schemaResource == null) {
      String message = "DataSchema '" + schemaRef + "' does not exist in namespace " + namespace;
      return waiting(status, conditions, Reason.DataSchemaNotFound, message);
    }
    String subject = schemaResource.subject();
    Integer version =
        schemaResource.getStatus() == null ? null : schemaResource.getStatus().getVersion();
    status.setSchemaSubject(subject);
    if (version == null) {
      return waiting(
          status,
          conditions,
          Reason.SchemaNotRegistered,
          "DataSchema '" + schemaRef + "' has no registered version yet (see its status)");
    }
    ParsedSchema schema;
    try {
      Optional<RegisteredSchema> registered = registry.version(subject, version);
      if (registered.isEmpty()) {
        return waiting(
            status,
            conditions,
            Reason.SchemaNotRegistered,
            "version " + version + " of subject '" + subject + "' is not in the registry");
      }
      schema = Schemas.parse(registered.get().format(), registered.get().schema());
      status.setSchemaVersion(version);
      status.setSchemaFingerprint(schema.fingerprint().value());
    } catch (RegistryException e) {
      Reason reason = Reason.of(e, Reason.RegistryUnreachable);
      conditions
          .unknown(SCHEMA_RESOLVED, reason, e.getMessage())
          .unknown(VALID, reason, "not checked until the schema is resolved")
          .set(READY, false, reason, e.getMessage());
      status.setConditions(conditions.build());
      return new Result(status, reason == Reason.RegistryUnreachable);
    } catch (InvalidSchemaException e) {
      return waiting(status, conditions, Reason.InvalidSchema, e.getMessage());
    }
    conditions.set(
        SCHEMA_RESOLVED,
        true,
        Reason.Resolved,
        "resolved to version %d of subject '%s'".formatted(version, subject));

    JsonNode spec = Serialization.jsonMapper().valueToTree(resource.getSpec());
    Contract contract;
    List<ContractViolation> problems;
    try {
      contract = ContractReader.read(spec);
      List<SchemaField> fields = SchemaFields.of(schema);
      problems = new java.util.ArrayList<>(ContractValidator.validate(contract, fields));
      problems.addAll(
          ContractValidator.driftFields(
              Optional.ofNullable(resource.getSpec().getDrift())
                  .map(Drift::fieldNames)
                  .orElse(List.of()),
              fields));
    } catch (InvalidContractException e) {
      contract = null;
      problems = e.violations();
    }
    if (!problems.isEmpty()) {
      status.setProblems(
          problems.stream()
              .map(p -> new ContractProblem("spec." + p.path(), p.message()))
              .toList());
      String message =
          "%d problem(s) against version %d of '%s': %s"
              .formatted(problems.size(), version, subject, problems.getFirst());
      conditions
          .set(VALID, false, Reason.InvalidContract, message)
          .set(READY, false, Reason.InvalidContract, message);
      status.setConditions(conditions.build());
      return new Result(status, false);
    }
    conditions.set(
        VALID,
        true,
        Reason.Valid,
        "every field named by the contract exists in version " + version);
    // Quality rules a serializer can decide are published as CEL rules (CelRulePublisher logs).
    celRules.publish(subject, schema.text(), CelTranslator.translate(contract, schema));

    String dataset =
        LineageColumns.dataset(
            subject, contract.enforcement().flatMap(Contract.Enforcement::kafkaTopic));
    try {
      for (Contract.Consumer consumer : contract.consumers()) {
        lineage.declare(declaration(resource, contract, consumer, dataset));
      }
    } catch (RegistryException e) {
      Reason reason = Reason.of(e, Reason.LineageUnavailable);
      conditions.set(READY, false, reason, "consumers not recorded: " + e.getMessage());
      status.setConditions(conditions.build());
      return new Result(status, reason == Reason.LineageUnavailable);
    }
    String model = contract.enforcement().flatMap(Contract.Enforcement::dbtModel).orElse(dataset);
    configMaps.apply(resource, model, DbtContractExporter.export(model, contract, schema));
    conditions.set(
        READY,
        true,
        Reason.Ready,
        "valid against version %d of '%s'; %d consumer(s) recorded in lineage; dbt contract in ConfigMap %s"
            .formatted(
                version, subject, contract.consumers().size(), DbtConfigMaps.name(resource)));
    status.setConditions(conditions.build());
    return new Result(status, false);
  }

  private ConsumerDeclaration declaration(
      DataContract resource, Contract contract, Contract.Consumer consumer, String dataset) {
    String owner =
        consumer
            .owner()
            .or(() -> contract.owner().map(Contract.Owner::team))
            .orElse(resource.getMetadata().getNamespace());
    return new ConsumerDeclaration(
        consumer.kind().name().toLowerCase(java.util.Locale.ROOT),
        consumer.name(),
        owner,
        consumer.criticality().name(),
        lineageSettings.environment(),
        lineageSettings.namespace(),
        dataset,
        consumer.fields());
  }

  private Result waiting(
      DataContractStatus status, Conditions conditions, Reason reason, String message) {
    conditions
        .set(SCHEMA_RESOLVED, false, reason, message)
        .unknown(VALID, reason, "not checked until the schema is resolved")
        .set(READY, false, reason, message);
    status.setConditions(conditions.build());
    return new Result(status, true);
  }

  @Override
  public DeleteControl cleanup(DataContract resource, Context<DataContract> context) {
    String subject =
        resource.getStatus() == null || resource.getStatus().getSchemaSubject() == null
            ? resource.getSpec().getSchemaRef()
            : resource.getStatus().getSchemaSubject();
    Optional<String> topic =
        Optional.ofNullable(resource.getSpec().getEnforcement()).map(e -> e.kafkaTopic());
    String dataset = LineageColumns.dataset(subject, topic);
    try {
      for (var consumer : resource.getSpec().getConsumers()) {
        if (consumer.kind() != null && consumer.name() != null) {
          lineage.forget(
              consumer.kind().name().toLowerCase(java.util.Locale.ROOT),
              consumer.name(),
              lineageSettings.namespace(),
              dataset);
        }
      }
    } catch (RegistryException e) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(retry);
    }
    return DeleteControl.defaultDelete();
  }

  private DataContract withStatus(
      DataContract resource, DataContractStatus status, Context<DataContract> context) {
    return StatusPatch.of(resource, status, context, useSsa, DataContract::new);
  }
}
