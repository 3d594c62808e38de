package dev.schemagate.crds.v1alpha1;

/** How bad a change's downstream impact is. */
public enum Severity {
  NONE,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
