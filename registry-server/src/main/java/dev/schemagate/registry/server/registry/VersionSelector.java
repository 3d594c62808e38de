package dev.schemagate.registry.server.registry;

import dev.schemagate.registry.server.storage.SchemaRepository.VersionRow;
import java.util.List;

/** A version as a path names it: a number, or the latest ("latest" or -1). */
public sealed interface VersionSelector {
  record Latest() implements VersionSelector {}

  record Exact(int version) implements VersionSelector {}

  /** Parses a path segment; anything but a positive int, "latest" or -1 is a 42202. */
  static VersionSelector parse(String text) {
    if ("latest".equals(text)) {
      return new Latest();
    }
    try {
      int version = Integer.parseInt(text);
      if (version == -1) {
        return new Latest();
      }
      if (version >= 1) {
        return new Exact(version);
      }
    } catch (NumberFormatException notANumber) {
      // falls through to the Confluent error below
    }
    throw RegistryServerException.invalidVersion(text);
  }

  /** The row a selector names; the latest skips soft-deleted rows unless asked not to. */
  static VersionRow pick(
      List<VersionRow> rows, String subject, VersionSelector selector, boolean includeDeleted) {
    return switch (selector) {
      case VersionSelector.Exact exact ->
          rows.stream()
              .filter(r -> r.version() == exact.version())
              .findFirst()
              .orElseThrow(() -> RegistryServerException.versionNotFound(exact.version()));
      case VersionSelector.Latest latest ->
          rows.reversed().stream()
              .filter(r -> includeDeleted || !r.deleted())
              .findFirst()
              .orElseThrow(() -> RegistryServerException.subjectNotFound(subject));
    };
  }
}
