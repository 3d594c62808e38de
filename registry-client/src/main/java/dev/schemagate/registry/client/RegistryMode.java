package dev.schemagate.registry.client;

import java.util.Locale;
import java.util.Optional;

/** A subject's (or the registry's) mode, as {@code GET /mode} reports it. */
public enum RegistryMode {
  READWRITE,
  READONLY,
  READONLY_OVERRIDE,
  /** Registrations must carry an explicit id: what keeps ids equal across environments. */
  IMPORT;

  static Optional<RegistryMode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
