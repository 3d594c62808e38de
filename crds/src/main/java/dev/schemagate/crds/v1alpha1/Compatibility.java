package dev.schemagate.crds.v1alpha1;

/** Confluent's compatibility levels, as a DataSchema declares them. */
public enum Compatibility {
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE,
  NONE
}
