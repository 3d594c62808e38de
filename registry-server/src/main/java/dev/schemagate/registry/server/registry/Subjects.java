package dev.schemagate.registry.server.registry;

import dev.schemagate.registry.server.registry.RegistryServerException.Reason;

/** What a subject name may be. */
final class Subjects {
  private static final int MAX_LENGTH = 4096;

  private Subjects() {}

  static void validate(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new RegistryServerException(Reason.INVALID_SUBJECT, "Invalid subject: it is empty");
    }
    if (subject.length() > MAX_LENGTH) {
      throw new RegistryServerException(
          Reason.INVALID_SUBJECT, "Invalid subject: longer than " + MAX_LENGTH + " characters");
    }
    if (subject.chars().anyMatch(Character::isISOControl)) {
      throw new RegistryServerException(
          Reason.INVALID_SUBJECT, "Invalid subject: it contains control characters");
    }
  }
}
