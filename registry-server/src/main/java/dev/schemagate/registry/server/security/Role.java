package dev.schemagate.registry.server.security;

import java.util.Locale;
import java.util.Optional;

/** What a grant lets a principal do; each role includes the ones before it. */
public enum Role {
  /** Read subjects, versions, schemas, settings and lineage; test compatibility. */
  READ,
  /** Also register schemas and post lineage. */
  WRITE,
  /** Also change compatibility and modes, and delete. */
  ADMIN;

  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }

  public static Optional<Role> parse(String text) {
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
