package dev.schemagate.registry.server.registry;

import dev.schemagate.core.config.Enums;
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
    return Enums.parse(Mode.class, text);
  }
}
