package dev.schemagate.operator.dataschema;

import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.DeletionPolicy;
import dev.schemagate.operator.OperatorSettings;
import dev.schemagate.operator.events.EventRecorder;
import dev.schemagate.operator.events.EventRecorder.Type;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import java.time.Clock;
import java.time.Instant;

/**
 * What deleting a DataSchema does to the registry: nothing (Retain, unmanaged, paused, or not the
 * subject's owner), or a soft delete of the subject (Delete). A registry that never answers delays
 * the deletion by at most {@link OperatorSettings#deletionTimeout()}, then the finalizer goes
 * anyway and an event says what was left behind.
 */
final class SubjectCleanup {
  private final SchemaRegistryClient registry;
  private final EventRecorder events;
  private final OperatorSettings settings;
  private final Clock clock;

  SubjectCleanup(
      SchemaRegistryClient registry, EventRecorder events, OperatorSettings settings, Clock clock) {
    this.registry = registry;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  DeleteControl cleanup(DataSchema resource, IndexedResourceCache<DataSchema> cache) {
    if (!deletesSubject(resource, cache)) {
      return DeleteControl.defaultDelete();
    }
    String subject = resource.subject();
    try {
      var versions = registry.deleteSubject(subject, false);
      events.record(
          resource,
          Type.Normal,
          "SubjectDeleted",
          "soft-deleted subject '%s' (versions %s) as spec.deletionPolicy is Delete"
              .formatted(subject, versions));
      return DeleteControl.defaultDelete();
    } catch (RegistryException e) {
      if (e.reason() == RegistryException.Reason.NOT_FOUND) {
        return DeleteControl.defaultDelete();
      }
      if (clock.instant().isAfter(deadline(resource))) {
        events.record(
            resource,
            Type.Warning,
            "DeletionAbandoned",
            ("gave up soft-deleting subject '%s' after %ds (%s); the registry may still hold it:"
                    + " delete it there by hand")
                .formatted(subject, settings.deletionTimeout().toSeconds(), e.getMessage()));
        return DeleteControl.defaultDelete();
      }
      events.record(
          resource,
          Type.Warning,
          "DeletionRetrying",
          "cannot soft-delete subject '%s' yet (%s); retrying until %s"
              .formatted(subject, e.getMessage(), deadline(resource)));
      return DeleteControl.noFinalizerRemoval()
          .rescheduleAfter(settings.retryInterval().toMillis());
    }
  }

  /** Whether deleting this resource may have to delete its subject, so a finalizer must hold it. */
  static boolean needsFinalizer(DataSchema resource) {
    return resource.getSpec() != null
        && resource.getSpec().getDeletionPolicy() == DeletionPolicy.Delete
        && !Annotations.isUnmanaged(resource)
        && !Annotations.isPaused(resource);
  }

  private static boolean deletesSubject(
      DataSchema resource, IndexedResourceCache<DataSchema> cache) {
    return needsFinalizer(resource)
        && resource.getStatus() != null
        && resource.getStatus().getVersion() != null
        && SubjectClaims.olderClaimant(resource, cache).isEmpty();
  }

  private Instant deadline(DataSchema resource) {
    String since = resource.getMetadata().getDeletionTimestamp();
    Instant start = since == null ? clock.instant() : Instant.parse(since);
    return start.plus(settings.deletionTimeout());
  }
}
