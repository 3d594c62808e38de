package dev.schemagate.operator.dataschema;

import dev.schemagate.crds.v1alpha1.BreakingChange;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import java.util.List;

/** Decides, before registering, whether a candidate breaks its subject's history. */
interface CompatibilityGate {
  /** Every breaking change against the subject's history; empty when it may be registered. */
  List<BreakingChange> breakingChanges(Candidate candidate, RegisteredSchema latest)
      throws RegistryException;
}
