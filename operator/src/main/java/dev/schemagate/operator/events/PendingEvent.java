package dev.schemagate.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;

/**
 * An event recorded by a reconcile and not yet written: a copy of what is needed from the object it
 * is about, so the writer never touches a resource a reconcile may still change.
 */
record PendingEvent(
    String apiVersion,
    String kind,
    String namespace,
    String name,
    String uid,
    String resourceVersion,
    EventRecorder.Type type,
    String reason,
    String message,
    Instant at) {

  static PendingEvent of(
      HasMetadata about, EventRecorder.Type type, String reason, String message, Instant at) {
    var meta = about.getMetadata();
    return new PendingEvent(
        about.getApiVersion(),
        about.getKind(),
        meta.getNamespace(),
        meta.getName(),
        meta.getUid(),
        meta.getResourceVersion(),
        type,
        reason,
        message,
        at);
  }

  /** The object it is about: client-go's spam key (one token bucket per object). */
  ObjectKey object() {
    return new ObjectKey(apiVersion, kind, namespace, name, uid);
  }

  /** Same object, type, reason and message: a repeat that bumps a count, as in client-go. */
  Key key() {
    return new Key(object(), type, reason, message);
  }

  record ObjectKey(String apiVersion, String kind, String namespace, String name, String uid) {}

  record Key(ObjectKey object, EventRecorder.Type type, String reason, String message) {}
}
