package dev.schemagate.cli.diff;

import dev.schemagate.cli.manifest.ContractManifest;
import dev.schemagate.cli.manifest.ManifestReader;
import dev.schemagate.cli.manifest.SchemaManifest;
import dev.schemagate.core.compat.Change;
import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.compat.CompatibilityResult;
import dev.schemagate.core.compat.VersionBump;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaLimitException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code schemagate diff}'s core: the changed files between two trees, what they declare on each
 * side, and, per subject, the core engine's verdict at the level the head declares.
 */
public final class DiffEngine {
  private final GitRepository repository;
  private final SchemaHistory history;

  public DiffEngine(GitRepository repository, SchemaHistory history) {
    this.repository = repository;
    this.history = history;
  }

  /** The history every schema is checked against when no registry is given: the base alone. */
  public static SchemaHistory baseOnly() {
    return (BaseOnly)
        (subject, base) ->
            base.flatMap(DiffEngine::parseQuietly)
                .map(s -> new SchemaHistory.Versions(List.of(s), "base"));
  }

  public DiffReport diff(String baseRef, String headRef, List<String> paths) {
    GitTree base = repository.tree(baseRef);
    GitTree head = repository.tree(headRef);
    List<FileChange> changes = repository.changes(base, head, paths);
    Set<String> basePaths = new LinkedHashSet<>();
    Set<String> headPaths = new LinkedHashSet<>();
    Map<String, String> renamedFrom = new HashMap<>();
    for (FileChange change : changes) {
      change.oldPath().filter(DiffEngine::relevant).ifPresent(basePaths::add);
      change.newPath().filter(DiffEngine::relevant).ifPresent(headPaths::add);
      if (change.renamed()) {
        renamedFrom.put(change.newPath().get(), change.oldPath().get());
      }
    }
    Declarations before = Declarations.read(base, RepoConfig.of(base), basePaths);
    Declarations after = Declarations.read(head, RepoConfig.of(head), headPaths);

    List<SchemaDiff> schemas = new ArrayList<>();
    for (Pair pair : pairs(before, after, renamedFrom)) {
      compare(pair.subject(), pair.base(), pair.head(), renamedFrom).ifPresent(schemas::add);
    }
    Set<String> contracts = new LinkedHashSet<>(after.contracts().keySet());
    contracts.addAll(before.contracts().keySet());
    List<ContractDiff> contractDiffs = new ArrayList<>();
    for (String id : contracts) {
      Optional<ContractManifest> was = Optional.ofNullable(before.contracts().get(id));
      Optional<ContractManifest> is = Optional.ofNullable(after.contracts().get(id));
      ContractChanges.compare(was, is).ifPresent(contractDiffs::add);
    }
    return new DiffReport(label(baseRef), label(headRef), schemas, contractDiffs, Optional.empty());
  }

  private record Pair(
      String subject, Optional<SchemaManifest> base, Optional<SchemaManifest> head) {}

  /**
   * Pairs each head declaration with its base: the same subject in the same (or renamed) file
   * first, then a subject declared once on each side (moved between files). What is left was added
   * or deleted.
   */
  private static List<Pair> pairs(
      Declarations before, Declarations after, Map<String, String> renamedFrom) {
    List<SchemaManifest> unpaired = new ArrayList<>(before.schemas().values());
    List<Pair> pairs = new ArrayList<>();
    List<SchemaManifest> heads = new ArrayList<>();
    for (SchemaManifest head : after.schemas().values()) {
      String basePath = renamedFrom.getOrDefault(head.file(), head.file());
      Optional<SchemaManifest> base =
          unpaired.stream()
              .filter(b -> b.subject().equals(head.subject()) && b.file().equals(basePath))
              .findFirst();
      if (base.isPresent()) {
        unpaired.remove(base.get());
        pairs.add(new Pair(head.subject(), base, Optional.of(head)));
      } else {
        heads.add(head);
      }
    }
    for (SchemaManifest head : heads) {
      List<SchemaManifest> same =
          unpaired.stream().filter(b -> b.subject().equals(head.subject())).toList();
      long headsOfSubject = heads.stream().filter(h -> h.subject().equals(head.subject())).count();
      Optional<SchemaManifest> base =
          same.size() == 1 && headsOfSubject == 1 ? Optional.of(same.getFirst()) : Optional.empty();
      base.ifPresent(unpaired::remove);
      pairs.add(new Pair(head.subject(), base, Optional.of(head)));
    }
    for (SchemaManifest gone : unpaired) {
      pairs.add(new Pair(gone.subject(), Optional.of(gone), Optional.empty()));
    }
    return pairs;
  }

  private String label(String ref) {
    String id = repository.shortId(ref);
    return id.equals(ref) ? ref : ref + " (" + id + ")";
  }

  private static boolean relevant(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return ManifestReader.isManifestFile(path)
        || lower.endsWith(".avsc")
        || lower.endsWith(".json");
  }

  private Optional<SchemaDiff> compare(
      String subject,
      Optional<SchemaManifest> base,
      Optional<SchemaManifest> head,
      Map<String, String> renamedFrom) {
    if (head.isEmpty()) {
      SchemaManifest gone = base.orElseThrow();
      LocatedChange deleted =
          new LocatedChange(
              "",
              "SCHEMA_DELETED",
              true,
              "the %s schema of subject %s was deleted from the repository"
                  .formatted(gone.format(), subject),
              Optional.of(
                  "keep the DataSchema until every consumer has moved off the subject"
                      + " (deletionPolicy: Retain leaves the registry's versions in place)"),
              gone.file(),
              gone.line());
      return Optional.of(
          new SchemaDiff(
              subject,
              SchemaDiff.Status.DELETED,
              base,
              head,
              gone.level(),
              "base",
              List.of(deleted),
              VersionBump.MAJOR,
              List.of()));
    }
    SchemaManifest now = head.get();
    List<String> notes = new ArrayList<>();
    String movedFrom = renamedFrom.get(now.file());
    if (base.isPresent() && !base.get().file().equals(now.file())) {
      notes.add("moved from `%s`".formatted(base.get().file()));
    } else if (movedFrom != null) {
      notes.add("file renamed from `%s`".formatted(movedFrom));
    }
    ParsedSchema candidate;
    try {
      candidate = now.parse();
    } catch (InvalidSchemaException | SchemaLimitException e) {
      LocatedChange invalid =
          new LocatedChange(
              "",
              "SCHEMA_INVALID",
              true,
              "the %s schema does not parse: %s".formatted(now.format(), e.getMessage()),
              Optional.of("fix the schema text so it parses"),
              now.textFile(),
              now.textLine());
      return Optional.of(
          new SchemaDiff(
              subject,
              SchemaDiff.Status.INVALID,
              base,
              head,
              now.level(),
              "nothing",
              List.of(invalid),
              VersionBump.MAJOR,
              notes));
    }
    List<LocatedChange> located = new ArrayList<>();
    if (base.isPresent() && base.get().level() != now.level()) {
      notes.add(
          "compatibility level changed from %s to %s".formatted(base.get().level(), now.level()));
    }
    if (now.level().isTransitive() && history instanceof BaseOnly) {
      notes.add(
          "%s is checked against the base only: pass --registry to check every registered version"
              .formatted(now.level()));
    }
    Optional<SchemaHistory.Versions> versions = history.versions(subject, base);
    if (versions.isEmpty() || versions.get().schemas().isEmpty()) {
      if (base.isPresent() && parseQuietly(base.get()).isEmpty()) {
        notes.add("the base version did not parse; nothing to compare with");
      }
      return Optional.of(
          new SchemaDiff(
              subject,
              base.isPresent() ? SchemaDiff.Status.CHANGED : SchemaDiff.Status.ADDED,
              base,
              head,
              now.level(),
              "nothing (new subject)",
              List.of(),
              VersionBump.MINOR,
              notes));
    }
    CompatibilityResult result =
        Compatibility.checker().check(now.level(), versions.get().schemas(), candidate);
    for (Change change : result.changes()) {
      // a removed field is gone from head: the walk stops at its parent there
      located.add(LocatedChange.of(change, now.textFile(), FieldLines.line(now, change.path())));
    }
    boolean sameText =
        base.isPresent()
            && parseQuietly(base.get())
                .map(b -> b.canonicalForm().equals(candidate.canonicalForm()))
                .orElse(false);
    if (located.isEmpty() && sameText && notes.isEmpty() && base.isPresent()) {
      return Optional.empty(); // the file changed, this schema did not
    }
    SchemaDiff.Status status =
        base.isEmpty()
            ? SchemaDiff.Status.ADDED
            : sameText && located.isEmpty() ? SchemaDiff.Status.MOVED : SchemaDiff.Status.CHANGED;
    return Optional.of(
        new SchemaDiff(
            subject,
            status,
            base,
            head,
            now.level(),
            versions.get().source(),
            located,
            result.suggestedBump(),
            notes));
  }

  static Optional<ParsedSchema> parseQuietly(SchemaManifest manifest) {
    try {
      return Optional.of(manifest.parse());
    } catch (InvalidSchemaException | SchemaLimitException e) {
      return Optional.empty();
    }
  }

  /** Marker for the base-only history, so the report can say what a transitive level missed. */
  interface BaseOnly extends SchemaHistory {}
}
