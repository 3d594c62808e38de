package dev.schemagate.operator.dataschema;

import dev.schemagate.crds.v1alpha1.BreakingChange;
import dev.schemagate.registry.client.RegisteredSchema;
import java.util.List;
import java.util.Optional;

/** What reconciling a candidate against the registry came to. */
sealed interface Outcome {
  /** The latest version already is the declared schema; {@code adopted} on a first reconcile. */
  record InSync(RegisteredSchema schema, boolean adopted) implements Outcome {}

  /** The declared schema was registered as a new version. */
  record Registered(RegisteredSchema schema) implements Outcome {}

  /** The declared schema is an older version; a newer one was registered out of band. */
  record Drifted(RegisteredSchema declared, RegisteredSchema latest) implements Outcome {}

  /** Not registered: it breaks the subject's history. */
  record Refused(List<BreakingChange> changes, Optional<RegisteredSchema> latest)
      implements Outcome {
    public Refused {
      changes = List.copyOf(changes);
    }
  }
}
