package dev.schemagate.registry.server.registry;

import java.util.Locale;
import java.util.Optional;

/** Confluent's registry modes. IMPORT accepts explicit ids and versions and skips compatibility. */
public enum Mode {
  READWRITE,
  READONLY,
  READONLY_OVERRIDE,
  IMPORT;

  public boolean allowsWrites() {
    return this == READWRITE || this == IMPORT;
  }

  public static Optional<Mode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
