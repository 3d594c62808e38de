package dev.schemagate.core.compat;

/**
 * Which reader/writer directions a comparison must establish. A format may skip the work for a
 * direction nobody asked about (Avro runs the library once per direction).
 */
public record Directions(boolean backward, boolean forward) {
  public static final Directions BOTH = new Directions(true, true);

  public static Directions of(CompatibilityLevel level) {
    return level == CompatibilityLevel.NONE
        ? BOTH // nothing is breaking at NONE, but the version bump still wants to know
        : new Directions(level.checksBackward(), level.checksForward());
  }
}
