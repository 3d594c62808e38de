package dev.schemagate.core.compat;

import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The seven levels, implemented once: pick the versions to compare against (the latest, or every
 * one for transitive levels), ask the format's {@link PairwiseChecker} for the changes, mark each
 * breaking for the directions the level checks, list breaking changes first.
 */
final class LevelChecker implements CompatibilityChecker {
  private static final Finding.Breakage FORMAT_CHANGE =
      Finding.breaks(
          "data in one format cannot be read with a schema of another",
          "register a schema of another format under a new subject");

  private static final Comparator<Change> BREAKING_FIRST =
      (a, b) -> Boolean.compare(b.breaking(), a.breaking());

  private final Map<SchemaFormat, PairwiseChecker> formats;

  LevelChecker(Map<SchemaFormat, PairwiseChecker> formats) {
    this.formats = Map.copyOf(formats);
  }

  @Override
  public CompatibilityResult check(
      CompatibilityLevel level, List<? extends ParsedSchema> history, ParsedSchema candidate) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(candidate, "candidate");
    if (history.isEmpty()) {
      return new CompatibilityResult(level, List.of(), VersionBump.NONE);
    }
    Directions directions = Directions.of(level);
    int latest = history.size() - 1;
    List<Finding> againstLatest = compare(history.get(latest), candidate, directions);

    List<Change> changes = new ArrayList<>(againstLatest.size());
    for (Finding f : againstLatest) {
      changes.add(toChange(f, level, ""));
    }
    if (level.isTransitive() && latest > 0) {
      addBreakingAgainstOlderVersions(level, history, candidate, directions, changes);
    }
    changes.sort(BREAKING_FIRST); // stable: keeps the order found within each group
    VersionBump bump =
        !changes.isEmpty() && changes.getFirst().breaking()
            ? VersionBump.MAJOR
            : VersionBumps.suggest(againstLatest, level);
    return new CompatibilityResult(level, changes, bump);
  }

  private List<Finding> compare(ParsedSchema older, ParsedSchema newer, Directions directions) {
    if (older.format() != newer.format()) {
      return List.of(
          Finding.of(
              "/",
              ChangeType.TYPE_CHANGED,
              "schema format changed from %s to %s".formatted(older.format(), newer.format()),
              FORMAT_CHANGE,
              FORMAT_CHANGE));
    }
    if (older.fingerprint().equals(newer.fingerprint())) {
      return List.of(); // same canonical content: nothing to compare
    }
    PairwiseChecker checker = formats.get(newer.format());
    if (checker == null) {
      throw new IllegalArgumentException("no compatibility checker for " + newer.format());
    }
    return checker.compare(older, newer, directions);
  }

  /**
   * Older versions only contribute what breaks ("field added" against every ancestor is noise),
   * once per path and kind, and replace a non-breaking entry for the same path and kind.
   */
  private void addBreakingAgainstOlderVersions(
      CompatibilityLevel level,
      List<? extends ParsedSchema> history,
      ParsedSchema candidate,
      Directions directions,
      List<Change> changes) {
    Set<ChangeKey> breaking = new HashSet<>();
    for (Change c : changes) {
      if (c.breaking()) {
        breaking.add(new ChangeKey(c.path(), c.type()));
      }
    }
    for (int i = history.size() - 2; i >= 0; i--) {
      String against = " (against version %d of %d)".formatted(i + 1, history.size());
      for (Finding f : compare(history.get(i), candidate, directions)) {
        Change change = toChange(f, level, against);
        if (change.breaking() && breaking.add(new ChangeKey(change.path(), change.type()))) {
          changes.add(change);
        }
      }
    }
    changes.removeIf(c -> !c.breaking() && breaking.contains(new ChangeKey(c.path(), c.type())));
  }

  private record ChangeKey(String path, ChangeType type) {}

  /** Breaking when it breaks a direction the level checks; the message then says why. */
  private static Change toChange(Finding f, CompatibilityLevel level, String suffix) {
    Optional<Finding.Breakage> breakage =
        level.checksBackward() && f.breaksBackward()
            ? f.backward()
            : level.checksForward() ? f.forward() : Optional.empty();
    return breakage
        .map(
            b ->
                new Change(
                    f.path(), f.type(), true, f.message() + ": " + b.reason() + suffix, b.fix()))
        .orElseGet(
            () -> new Change(f.path(), f.type(), false, f.message() + suffix, Optional.empty()));
  }
}
