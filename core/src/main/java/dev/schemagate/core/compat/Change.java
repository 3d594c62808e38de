package dev.schemagate.core.compat;

import java.util.Objects;
import java.util.Optional;

/**
 * One difference between two schemas.
 *
 * @param path JSON-pointer-like location, e.g. {@code /fields/amount/type}
 * @param type the named kind of change
 * @param breaking whether it breaks the compatibility level it was checked for
 * @param message what changed, for a person
 * @param suggestedFix how to make it compatible, where there is a known way
 */
public record Change(
    String path, ChangeType type, boolean breaking, String message, Optional<String> suggestedFix) {
  public Change {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(suggestedFix, "suggestedFix");
  }
}
