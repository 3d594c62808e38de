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

    List<Change> changes = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (Finding f : againstLatest) {
      add(changes, listed, toChange(f, level, ""));
    }
    if (level.isTransitive()) {
      // Older versions only contribute what breaks: "field added" against every ancestor is noise.
      for (int i = latest - 1; i >= 0; i--) {
        String against = " (against version %d of %d)".formatted(i + 1, history.size());
        for (Finding f : compare(history.get(i), candidate, directions)) {
          Change change = toChange(f, level, against);
          if (change.breaking()) {
            add(changes, listed, change);
          }
        }
      }
    }
    Set<String> breakingKeys = new HashSet<>();
    changes.stream()
        .filter(Change::breaking)
        .forEach(c -> breakingKeys.add(c.path() + '\u0000' + c.type()));
    changes.removeIf(c -> !c.breaking() && breakingKeys.contains(c.path() + '\u0000' + c.type()));
    changes.sort(Comparator.comparing(Change::breaking).reversed()); // stable: keeps found order
    VersionBump bump =
        changes.stream().anyMatch(Change::breaking)
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

  private static void add(List<Change> changes, Set<String> listed, Change change) {
    if (listed.add(change.path() + '\u0000' + change.type() + '\u0000' + change.breaking())) {
      changes.add(change);
    }
  }
}
