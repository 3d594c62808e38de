package dev.schemagate.registry.server.registry;

import java.util.Collection;

/** Told after a write commits, so caches (local and on other replicas) drop what went stale. */
public interface ChangeListener {
  /** A subject's versions changed: its "latest" and version list are stale. */
  void subjectChanged(String subject);

  /** Versions pointing at these schemas were removed for good: they may no longer be served. */
  void schemasRemoved(Collection<StoredSchema> schemas);

  ChangeListener NONE =
      new ChangeListener() {
        @Override
        public void subjectChanged(String subject) {}

        @Override
        public void schemasRemoved(Collection<StoredSchema> schemas) {}
      };
}
