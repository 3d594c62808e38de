package dev.schemagate.cli.diff;

import dev.schemagate.cli.manifest.SchemaManifest;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.compat.VersionBump;
import java.util.List;
import java.util.Optional;

/**
 * What happened to one subject between base and head.
 *
 * @param status added, changed, deleted, moved (same schema in another file) or invalid
 * @param level the level the head declares (the base's for a deletion)
 * @param checkedAgainst what the head was checked against ("base", "registry: 3 versions")
 * @param changes every change, breaking ones first
 * @param notes things a reviewer should know that are not schema changes (renamed file, level
 *     changed, a transitive level checked against the base only)
 */
public record SchemaDiff(
    String subject,
    Status status,
    Optional<SchemaManifest> base,
    Optional<SchemaManifest> head,
    CompatibilityLevel level,
    String checkedAgainst,
    List<LocatedChange> changes,
    VersionBump bump,
    List<String> notes) {

  /** The closed set of things that can happen to a subject. */
  public enum Status {
    ADDED,
    CHANGED,
    DELETED,
    MOVED,
    INVALID
  }

  public SchemaDiff {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  public boolean breaking() {
    return changes.stream().anyMatch(LocatedChange::breaking);
  }

  /** The file a reviewer should open: head's, or base's for a deletion. */
  public String file() {
    return head.or(() -> base).map(SchemaManifest::file).orElse("");
  }

  public int line() {
    return head.or(() -> base).map(SchemaManifest::line).orElse(1);
  }
}
