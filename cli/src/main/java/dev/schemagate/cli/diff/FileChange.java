package dev.schemagate.cli.diff;

import java.util.Optional;

/**
 * A file that differs between base and head.
 *
 * @param oldPath its path in base, empty when added
 * @param newPath its path in head, empty when deleted
 */
public record FileChange(Optional<String> oldPath, Optional<String> newPath) {
  public boolean renamed() {
    return oldPath.isPresent() && newPath.isPresent() && !oldPath.equals(newPath);
  }
}
