package dev.schemagate.operator.dataschema;

import static dev.schemagate.operator.status.Conditions.READY;

import dev.schemagate.crds.v1alpha1.BreakingChange;
import dev.schemagate.crds.v1alpha1.Condition;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.DataSchemaStatus;
import dev.schemagate.operator.status.Conditions;
import dev.schemagate.registry.client.RegisteredSchema;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what a reconcile found into a status: Ready (kstatus' summary: True only when the registry
 * holds exactly what the resource declares), Compatible and Synced, each with a reason and a
 * message that says what to do.
 */
final class StatusWriter {
  static final String COMPATIBLE = "Compatible";
  static final String SYNCED = "Synced";
  private static final int CHANGES_IN_MESSAGE = 3;
  private final Clock clock;

  StatusWriter(Clock clock) {
    this.clock = clock;
  }

  DataSchemaStatus forOutcome(
      DataSchema resource, String subject, String fingerprint, Outcome outcome) {
    DataSchemaStatus status = base(resource, subject);
    status.setFingerprint(fingerprint);
    Conditions conditions = conditions(resource);
    switch (outcome) {
      case Outcome.InSync sync -> {
        registered(status, sync.schema());
        Reason reason = sync.adopted() ? Reason.Adopted : Reason.UpToDate;
        String message =
            sync.adopted()
                ? "adopted subject '%s': it already held this schema as version %d (id %d)"
                    .formatted(subject, sync.schema().version(), sync.schema().id())
                : "version %d (id %d) of subject '%s' is the declared schema"
                    .formatted(sync.schema().version(), sync.schema().id(), subject);
        var earlier = howItGotThere(resource, sync);
        if (earlier.isPresent()) {
          // Still true and nothing changed: keep saying how it got there, write nothing new.
          reason = Reason.valueOf(earlier.get().reason());
          message = earlier.get().message();
        }
        conditions
            .set(READY, true, reason, message)
            .set(COMPATIBLE, true, Reason.Compatible, "compatible with the subject's history")
            .set(SYNCED, true, reason, message);
      }
      case Outcome.Registered done -> {
        registered(status, done.schema());
        String message =
            "registered as version %d (id %d) of subject '%s'"
                .formatted(done.schema().version(), done.schema().id(), subject);
        conditions
            .set(READY, true, Reason.Registered, message)
            .set(COMPATIBLE, true, Reason.Compatible, "compatible with the subject's history")
            .set(SYNCED, true, Reason.Registered, message);
      }
      case Outcome.Drifted drift -> {
        registered(status, drift.declared());
        RegisteredSchema latest = drift.latest();
        String message =
            ("subject '%s' has a newer version %d (id %d) registered outside this resource, which"
                    + " declares version %d: copy version %d's schema into this resource to adopt"
                    + " it, or change the schema here to register a new version")
                .formatted(
                    subject,
                    latest.version(),
                    latest.id(),
                    drift.declared().version(),
                    latest.version());
        conditions
            .set(READY, false, Reason.DriftDetected, message)
            .set(COMPATIBLE, true, Reason.Compatible, "compatible with the subject's history")
            .set(SYNCED, false, Reason.DriftDetected, message);
      }
      case Outcome.Refused refused -> {
        keepRegistered(status, resource);
        status.setBreakingChanges(refused.changes());
        String against =
            refused.latest().map(l -> "version %d of ".formatted(l.version())).orElse("");
        String message =
            ("not registered: %d breaking change(s) against %ssubject '%s' at %s: %s. Fix the"
                    + " schema (see status.breakingChanges for each path and fix), or lower"
                    + " spec.compatibility if every consumer agrees")
                .formatted(
                    refused.changes().size(),
                    against,
                    subject,
                    resource.getSpec().getCompatibility(),
                    summary(refused.changes()));
        conditions
            .set(READY, false, Reason.IncompatibleChange, message)
            .set(COMPATIBLE, false, Reason.IncompatibleChange, message)
            .set(
                SYNCED,
                false,
                Reason.IncompatibleChange,
                refused
                    .latest()
                    .map(
                        l ->
                            "the registry still serves version %d as the latest"
                                .formatted(l.version()))
                    .orElse("nothing registered"));
      }
    }
    status.setConditions(conditions.build());
    return status;
  }

  /** A reconcile that could not finish: Ready=False with the failure's reason. */
  DataSchemaStatus forFailure(
      DataSchema resource,
      String subject,
      Optional<String> fingerprint,
      ReconcileException failure) {
    DataSchemaStatus status = base(resource, subject);
    keepRegistered(status, resource);
    fingerprint.ifPresent(status::setFingerprint);
    Conditions conditions =
        conditions(resource).set(READY, false, failure.reason(), failure.getMessage());
    switch (failure.reason()) {
      case RegistryUnreachable, ReconcileError ->
          conditions
              .keep(COMPATIBLE)
              .unknown(SYNCED, failure.reason(), "cannot tell until the registry answers");
      case ResourceConflict ->
          conditions
              .unknown(
                  COMPATIBLE, failure.reason(), "not checked: another resource owns the subject")
              .set(SYNCED, false, failure.reason(), failure.getMessage());
      default ->
          conditions
              .unknown(COMPATIBLE, failure.reason(), "not checked: " + failure.getMessage())
              .set(SYNCED, false, failure.reason(), "nothing registered: " + failure.getMessage());
    }
    status.setConditions(conditions.build());
    return status;
  }

  /** Paused: nothing is touched, the generation is not claimed as observed. */
  DataSchemaStatus paused(DataSchema resource) {
    DataSchemaStatus old = previous(resource);
    DataSchemaStatus status = base(resource, resource.subject());
    keepRegistered(status, resource);
    status.setFingerprint(old.getFingerprint());
    status.setBreakingChanges(old.getBreakingChanges());
    status.setObservedGeneration(old.getObservedGeneration());
    status.setConditions(
        conditions(resource)
            .keep(READY)
            .keep(COMPATIBLE)
            .unknown(
                SYNCED,
                Reason.ReconciliationPaused,
                "reconciliation paused by annotation schemagate.dev/paused=true; remove it to resume")
            .build());
    return status;
  }

  /** Unmanaged: the operator lets go of the subject and says so. */
  DataSchemaStatus unmanaged(DataSchema resource) {
    DataSchemaStatus status = base(resource, resource.subject());
    String message =
        "not managed (annotation schemagate.dev/managed=false): the registry is left alone;"
            + " remove the annotation to manage subject '%s' again".formatted(resource.subject());
    status.setConditions(
        conditions(resource)
            .set(READY, true, Reason.Unmanaged, message)
            .unknown(SYNCED, Reason.Unmanaged, message)
            .build());
    return status;
  }

  /** The Registered / Adopted condition of an earlier reconcile that still describes the state. */
  private static Optional<Condition> howItGotThere(DataSchema resource, Outcome.InSync sync) {
    DataSchemaStatus old = previous(resource);
    return old.condition(READY)
        .filter(Condition::isTrue)
        .filter(
            c ->
                c.reason().equals(Reason.Registered.name())
                    || c.reason().equals(Reason.Adopted.name()))
        .filter(c -> Integer.valueOf(sync.schema().version()).equals(old.getVersion()))
        .filter(c -> Integer.valueOf(sync.schema().id()).equals(old.getSchemaId()));
  }

  private DataSchemaStatus base(DataSchema resource, String subject) {
    DataSchemaStatus status = new DataSchemaStatus();
    status.setSubject(subject);
    status.setObservedGeneration(resource.getMetadata().getGeneration());
    return status;
  }

  private Conditions conditions(DataSchema resource) {
    Long generation = resource.getMetadata().getGeneration();
    return new Conditions(
        previous(resource).getConditions(), generation == null ? 0 : generation, clock);
  }

  private static DataSchemaStatus previous(DataSchema resource) {
    return resource.getStatus() == null ? new DataSchemaStatus() : resource.getStatus();
  }

  private static void registered(DataSchemaStatus status, RegisteredSchema schema) {
    status.setVersion(schema.version());
    status.setSchemaId(schema.id());
  }

  private static void keepRegistered(DataSchemaStatus status, DataSchema resource) {
    DataSchemaStatus old = previous(resource);
    if (status.getSubject() != null && status.getSubject().equals(old.getSubject())) {
      status.setVersion(old.getVersion());
      status.setSchemaId(old.getSchemaId());
    }
  }

  private static String summary(List<BreakingChange> changes) {
    String shown =
        changes.stream()
            .limit(CHANGES_IN_MESSAGE)
            .map(c -> c.path() + " " + c.message())
            .collect(Collectors.joining("; "));
    int more = changes.size() - CHANGES_IN_MESSAGE;
    return more > 0 ? shown + " (+" + more + " more)" : shown;
  }
}
