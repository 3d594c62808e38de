package dev.schemagate.core.compat;

import java.util.List;
import java.util.Set;

/**
 * Semantic-version suggestion for the change set against the latest version: major when something
 * breaks (for the level; at NONE, for either direction), minor when something else changes meaning,
 * patch when only documentation changed.
 */
final class VersionBumps {
  private static final Set<ChangeType> DOC_ONLY = Set.of(ChangeType.DOC_CHANGED);

  private VersionBumps() {}

  static VersionBump suggest(List<Finding> findings, CompatibilityLevel level) {
    if (findings.isEmpty()) {
      return VersionBump.NONE;
    }
    boolean docOnly = true;
    for (Finding f : findings) {
      boolean breaking =
          level == CompatibilityLevel.NONE
              ? f.breaksAny()
              : (level.checksBackward() && f.breaksBackward())
                  || (level.checksForward() && f.breaksForward());
      if (breaking) {
        return VersionBump.MAJOR;
      }
      docOnly &= DOC_ONLY.contains(f.type());
    }
    return docOnly ? VersionBump.PATCH : VersionBump.MINOR;
  }
}
