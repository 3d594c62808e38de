package dev.schemagate.core.compat;

import java.util.List;

/**
 * The outcome of checking a candidate schema against a history at a level: every change found,
 * breaking ones first; compatible exactly when none is breaking.
 */
public record CompatibilityResult(
    CompatibilityLevel level, List<Change> changes, VersionBump suggestedBump) {
  public CompatibilityResult {
    changes = List.copyOf(changes);
  }

  public boolean compatible() {
    return changes.stream().noneMatch(Change::breaking);
  }

  public List<Change> breakingChanges() {
    return changes.stream().filter(Change::breaking).toList();
  }
}
