package dev.schemagate.registry.client;

import dev.schemagate.core.config.Enums;
import java.util.Optional;

/** A subject's (or the registry's) mode, as {@code GET /mode} reports it. */
public enum RegistryMode {
  READWRITE,
  READONLY,
  READONLY_OVERRIDE,
  /** Registrations must carry an explicit id: what keeps ids equal across environments. */
  IMPORT;

  static Optional<RegistryMode> parse(String text) {
    return Enums.parse(RegistryMode.class, text);
  }
}
