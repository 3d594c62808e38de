package dev.schemagate.registry.server.registry;

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
}
