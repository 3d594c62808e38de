package dev.schemagate.core.compat;

/** Semantic-version suggestion for a change set. */
public enum VersionBump {
  /** Nothing that changes meaning. */
  NONE,
  /** Documentation only. */
  PATCH,
  /** Additive, compatible. */
  MINOR,
  /** Breaking. */
  MAJOR
}
