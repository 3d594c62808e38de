package dev.schemagate.cli.diff;

import dev.schemagate.core.compat.Change;
import java.util.Optional;

/**
 * A change to a schema, with the file and line of the field it is about. Most come from the core
 * engine ({@link Change}); the diff adds its own for what only a repository shows: {@code
 * SCHEMA_DELETED}, {@code SCHEMA_INVALID}, {@code LEVEL_CHANGED}.
 */
public record LocatedChange(
    String path,
    String type,
    boolean breaking,
    String message,
    Optional<String> fix,
    String file,
    int line) {

  static LocatedChange of(Change change, String file, int line) {
    return new LocatedChange(
        change.path(),
        change.type().name(),
        change.breaking(),
        change.message(),
        change.suggestedFix(),
        file,
        line);
  }
}
