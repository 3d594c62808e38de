package dev.schemagate.crds.v1alpha1;

/** What deleting a DataSchema does to its subject in the registry. */
public enum DeletionPolicy {
  /** Leave the registry alone (the default): deleting the resource only stops managing it. */
  Retain,
  /** Soft-delete the subject's versions in the registry. */
  Delete
}
