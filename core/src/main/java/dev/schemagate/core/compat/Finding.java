package dev.schemagate.core.compat;

import java.util.Optional;

/**
 * A change found by a format's pairwise comparison of an older and a newer schema, before the level
 * decides whether it is breaking. For each direction it may break, it says why and how to fix it:
 * {@code backward} when a reader of the newer schema cannot read data written with the older one,
 * {@code forward} when a reader of the older schema cannot read data written with the newer one.
 *
 * @param message what changed, in neutral words ("field 'note' added")
 */
public record Finding(
    String path,
    ChangeType type,
    String message,
    Optional<Breakage> backward,
    Optional<Breakage> forward) {

  /** Why a change breaks one direction, and the fix if there is a known one. */
  public record Breakage(String reason, Optional<String> fix) {}

  public static Breakage breaks(String reason, String fix) {
    return new Breakage(reason, Optional.ofNullable(fix));
  }

  public static Finding info(String path, ChangeType type, String message) {
    return new Finding(path, type, message, Optional.empty(), Optional.empty());
  }

  /** {@code backward} / {@code forward} null when the change does not break that direction. */
  public static Finding of(
      String path, ChangeType type, String message, Breakage backward, Breakage forward) {
    return new Finding(
        path, type, message, Optional.ofNullable(backward), Optional.ofNullable(forward));
  }

  public boolean breaksBackward() {
    return backward.isPresent();
  }

  public boolean breaksForward() {
    return forward.isPresent();
  }

  public boolean breaksAny() {
    return backward.isPresent() || forward.isPresent();
  }

  public Finding withoutBackward() {
    return new Finding(path, type, message, Optional.empty(), forward);
  }

  public Finding withoutForward() {
    return new Finding(path, type, message, backward, Optional.empty());
  }

  public Finding orFlags(Finding other) {
    return new Finding(
        path,
        type,
        message,
        backward.isPresent() ? backward : other.backward,
        forward.isPresent() ? forward : other.forward);
  }
}
