package dev.schemagate.registry.server.registry;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.registry.server.registry.contract.SchemaContract;
import dev.schemagate.registry.server.storage.Database;
import dev.schemagate.registry.server.storage.SchemaLookups;
import dev.schemagate.registry.server.storage.SchemaRepository;
import dev.schemagate.registry.server.storage.SchemaRepository.SubjectVersionRef;
import dev.schemagate.registry.server.storage.SchemaRepository.VersionRow;
import dev.schemagate.registry.server.storage.SubjectRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Subjects, versions and schemas: the registry's rules over the PostgreSQL store. Each write is one
 * transaction that first locks the subject's row, so versions of a subject are assigned one at a
 * time; the database's unique constraints back that up.
 *
 * <p>Registration itself, a protocol of its own, is {@link SchemaRegistration}; reading and judging
 * a subject's history is {@link SubjectHistory}.
 */
public final class RegistryService {
  private final Database database;
  private final SchemaRepository repository;
  private final SchemaLookups lookups = new SchemaLookups();
  private final SubjectRepository subjectRows;
  private final SchemaEngine engine;
  private final SettingsService settings;
  private final ReferenceResolver references;
  private final SubjectDeletions deletions;
  private final SubjectHistory history;
  private final SchemaRegistration registration;

  public RegistryService(
      Database database,
      SchemaRepository repository,
      SubjectRepository subjectRows,
      SchemaEngine engine,
      SettingsService settings,
      ChangeListener listener) {
    this.database = database;
    this.repository = repository;
    this.subjectRows = subjectRows;
    this.engine = engine;
    this.settings = settings;
    this.references = new ReferenceResolver(repository);
    this.deletions = new SubjectDeletions(database, repository, subjectRows, listener);
    this.history = new SubjectHistory(repository, engine, references);
    this.registration =
        new SchemaRegistration(
            database, repository, subjectRows, engine, settings, references, history, listener);
  }

  // ---- reads ----

  public List<String> subjects(boolean includeDeleted, String prefix) {
    return database.read(c -> subjectRows.subjects(c, includeDeleted, prefix));
  }

  /** Subjects whose every version is soft-deleted (Confluent's {@code deletedOnly}). */
  public List<String> softDeletedSubjects(String prefix) {
    return database.read(
        c -> {
          java.util.Set<String> live =
              new java.util.HashSet<>(subjectRows.subjects(c, false, prefix));
          return subjectRows.subjects(c, true, prefix).stream()
              .filter(s -> !live.contains(s))
              .toList();
        });
  }

  public List<Integer> versions(String subject, boolean includeDeleted) {
    return versions(subject, includeDeleted, false);
  }

  /**
   * The subject's version numbers: live ones, all ({@code includeDeleted}), or only the
   * soft-deleted ones ({@code deletedOnly}, which wins); 40401 when there are none, as Confluent.
   */
  public List<Integer> versions(String subject, boolean includeDeleted, boolean deletedOnly) {
    List<VersionRow> rows = database.read(c -> repository.versions(c, subject));
    List<Integer> versions =
        rows.stream()
            .filter(r -> deletedOnly ? r.deleted() : includeDeleted || !r.deleted())
            .map(VersionRow::version)
            .toList();
    if (versions.isEmpty()) {
      throw RegistryServerException.subjectNotFound(subject);
    }
    return versions;
  }

  public SubjectVersion version(String subject, VersionSelector selector, boolean includeDeleted) {
    if (selector instanceof VersionSelector.Latest && !includeDeleted) {
      // The latest lookup that missed the cache: one statement instead of three.
      return database
          .read(c -> lookups.latestLive(c, subject))
          .orElseThrow(() -> RegistryServerException.subjectNotFound(subject));
    }
    return database.read(c -> findVersion(c, subject, selector, includeDeleted));
  }

  public StoredSchema schemaById(int id) {
    return database
        .read(c -> lookups.schemaById(c, id))
        .orElseThrow(() -> RegistryServerException.schemaNotFound(id));
  }

  public StoredSchema schemaByFingerprint(String fingerprint) {
    return database
        .read(c -> repository.schemaByFingerprint(c, fingerprint))
        .orElseThrow(RegistryServerException::schemaNotFound);
  }

  /**
   * The subject versions holding the schema. As Confluent, an id whose versions are all
   * soft-deleted answers an empty list (unless {@code includeDeleted}); only an id no version
   * holds, even soft-deleted, is not found.
   */
  public List<SubjectVersionRef> versionsOfSchema(int id, boolean includeDeleted) {
    return database.read(
        c -> {
          List<SubjectVersionRef> refs = repository.versionsOfSchema(c, id, includeDeleted);
          if (refs.isEmpty()
              && (includeDeleted || repository.versionsOfSchema(c, id, true).isEmpty())) {
            throw RegistryServerException.schemaNotFound(id);
          }
          return refs;
        });
  }

  public List<Integer> referencedBy(String subject, VersionSelector selector) {
    return database.read(
        c -> {
          SubjectVersion version = findVersion(c, subject, selector, false);
          return repository.referencedBy(c, subject, version.version());
        });
  }

  // ---- registration and lookup ----

  public RegistrationResult register(
      String subject, SchemaSubmission submission, boolean normalize) {
    return registration.register(subject, submission, normalize);
  }

  /** POST /subjects/{s}: the version under which this content is registered. */
  public SubjectVersion lookup(
      String subject, SchemaSubmission submission, boolean includeDeleted) {
    return database.read(
        c -> {
          List<VersionRow> rows = repository.versions(c, subject);
          if (rows.stream().noneMatch(r -> includeDeleted || !r.deleted())) {
            throw RegistryServerException.subjectNotFound(subject);
          }
          Map<String, String> resolved = references.resolve(c, submission.references());
          ParsedSchema parsed = engine.parse(submission.format(), submission.schema(), resolved);
          String key = SchemaEngine.contentKey(parsed, submission.references());
          // As Confluent: the contract as sent first, then as registration would complete it.
          Optional<VersionRow> found =
              versionByKey(c, subject, key + submission.contract().keySuffix(), includeDeleted);
          if (found.isEmpty()) {
            SchemaContract completed = history.effectiveContract(c, subject, submission.contract());
            if (!completed.equals(submission.contract())) {
              found = versionByKey(c, subject, key + completed.keySuffix(), includeDeleted);
            }
          }
          VersionRow row = found.orElseThrow(RegistryServerException::schemaNotFound);
          return repository
              .version(c, subject, OptionalInt.of(row.version()), true)
              .orElseThrow(RegistryServerException::schemaNotFound);
        });
  }

  private Optional<VersionRow> versionByKey(
      Connection c, String subject, String contentKey, boolean includeDeleted) throws SQLException {
    OptionalInt id = repository.schemaIdByContentKey(c, contentKey);
    return id.isEmpty()
        ? Optional.empty()
        : repository.versionOfSchema(c, subject, id.getAsInt(), includeDeleted);
  }

  // ---- compatibility ----

  /**
   * Tests a candidate against one version ({@code selector} present) or against the history the
   * subject's level asks for. A subject without versions accepts anything, as Confluent does.
   */
  public CompatibilityVerdict testCompatibility(
      String subject, Optional<VersionSelector> selector, SchemaSubmission submission) {
    // Read what the check needs, give the connection back, then check.
    record Inputs(CompatibilityLevel level, List<ParsedSchema> history, ParsedSchema candidate) {}
    Inputs inputs =
        database.read(
            c -> {
              Map<String, String> resolved = references.resolve(c, submission.references());
              ParsedSchema parsed =
                  engine.parse(submission.format(), submission.schema(), resolved);
              SubjectRepository.SubjectSettings subjectSettings =
                  subjectRows.subjectSettings(c, subject);
              CompatibilityLevel level = settings.effectiveCompatibility(subjectSettings);
              List<ParsedSchema> candidates;
              if (selector.isPresent() && selector.get() instanceof VersionSelector.Exact) {
                SubjectVersion against = findVersion(c, subject, selector.get(), false);
                candidates = List.of(history.parse(c, against.schema()));
              } else {
                candidates = history.liveHistory(c, subject);
                if (selector.isPresent() && !candidates.isEmpty()) {
                  candidates = List.of(candidates.getLast());
                }
              }
              return new Inputs(level, candidates, parsed);
            });
    return history.check(inputs.level(), inputs.history(), inputs.candidate());
  }

  // ---- deletes ----

  public List<Integer> deleteSubject(String subject, boolean permanent) {
    return deletions.deleteSubject(subject, permanent);
  }

  public int deleteVersion(String subject, VersionSelector selector, boolean permanent) {
    return deletions.deleteVersion(subject, selector, permanent);
  }

  private SubjectVersion findVersion(
      Connection c, String subject, VersionSelector selector, boolean includeDeleted)
      throws SQLException {
    List<VersionRow> rows = repository.versions(c, subject);
    if (rows.stream().noneMatch(r -> includeDeleted || !r.deleted())) {
      throw RegistryServerException.subjectNotFound(subject);
    }
    VersionRow row = VersionSelector.pick(rows, subject, selector, includeDeleted);
    if (row.deleted() && !includeDeleted) {
      throw RegistryServerException.versionNotFound(row.version());
    }
    return repository
        .version(c, subject, OptionalInt.of(row.version()), true)
        .orElseThrow(() -> RegistryServerException.versionNotFound(row.version()));
  }
}
