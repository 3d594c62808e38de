package dev.schemagate.registry.server.registry;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.compat.CompatibilityResult;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.registry.server.registry.RegistryServerException.Reason;
import dev.schemagate.registry.server.registry.contract.SchemaContract;
import dev.schemagate.registry.server.storage.ContractRepository;
import dev.schemagate.registry.server.storage.Database;
import dev.schemagate.registry.server.storage.SchemaRepository;
import dev.schemagate.registry.server.storage.SchemaRepository.NewSchema;
import dev.schemagate.registry.server.storage.SchemaRepository.SubjectVersionRef;
import dev.schemagate.registry.server.storage.SchemaRepository.VersionRow;
import dev.schemagate.registry.server.storage.SubjectRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Subjects, versions and schemas: the registry's rules over the PostgreSQL store. Each write is one
 * transaction that first locks the subject's row, so versions of a subject are assigned one at a
 * time; the database's unique constraints back that up.
 *
 * <p>Over 400 lines since registration became a protocol (a snapshot, the verdict computed with no
 * connection held, then the locked transaction that applies the data contract's identity and checks
 * the snapshot still holds): the next change here should move registration into a class of its own.
 */
public final class RegistryService {
  private final Database database;
  private final SchemaRepository repository;
  private final SubjectRepository subjectRows;
  private final SchemaEngine engine;
  private final SettingsService settings;
  private final ReferenceResolver references;
  private final ChangeListener listener;
  private final SubjectDeletions deletions;
  private final ContractRepository contracts = new ContractRepository();

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
    this.listener = listener;
    this.deletions = new SubjectDeletions(database, repository, subjectRows, listener);
  }

  // ---- reads ----

  public List<String> subjects(boolean includeDeleted, String prefix) {
    return database.read(c -> subjectRows.subjects(c, includeDeleted, prefix));
  }

  public List<Integer> versions(String subject, boolean includeDeleted) {
    List<VersionRow> rows = database.read(c -> repository.versions(c, subject));
    List<Integer> versions =
        rows.stream().filter(r -> includeDeleted || !r.deleted()).map(VersionRow::version).toList();
    if (versions.isEmpty()) {
      throw RegistryServerException.subjectNotFound(subject);
    }
    return versions;
  }

  public SubjectVersion version(String subject, VersionSelector selector, boolean includeDeleted) {
    return database.read(c -> findVersion(c, subject, selector, includeDeleted));
  }

  public StoredSchema schemaById(int id) {
    return database
        .read(c -> repository.schemaById(c, id))
        .orElseThrow(() -> RegistryServerException.schemaNotFound(id));
  }

  public StoredSchema schemaByFingerprint(String fingerprint) {
    return database
        .read(c -> repository.schemaByFingerprint(c, fingerprint))
        .orElseThrow(RegistryServerException::schemaNotFound);
  }

  public List<SubjectVersionRef> versionsOfSchema(int id, boolean includeDeleted) {
    List<SubjectVersionRef> refs =
        database.read(c -> repository.versionsOfSchema(c, id, includeDeleted));
    if (refs.isEmpty()) {
      throw RegistryServerException.schemaNotFound(id);
    }
    return refs;
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
    Subjects.validate(subject);
    Map<String, String> resolved =
        submission.references().isEmpty()
            ? Map.of()
            : database.read(c -> references.resolve(c, submission.references()));
    ParsedSchema parsed = engine.parse(submission.format(), submission.schema(), resolved);
    String contentKey = SchemaEngine.contentKey(parsed, submission.references());
    NewSchema newSchema =
        new NewSchema(
            parsed.format(),
            contentKey,
            parsed.fingerprint().value(),
            normalize ? parsed.canonicalForm() : submission.schema(),
            submission.references());
    RegistrationResult result = registerOutsideTheLock(subject, submission, parsed, newSchema);
    if (result.created()) {
      listener.subjectChanged(subject);
    }
    return result;
  }

  /**
   * A compatibility verdict can take long (large or hostile schemas), so it is computed holding no
   * connection and no lock: against a snapshot of the history read first; then the transaction
   * locks the subject and uses the verdict only if the history it was computed on is still the
   * latest, computing again (outside) when a concurrent write moved it.
   */
  private RegistrationResult registerOutsideTheLock(
      String subject, SchemaSubmission submission, ParsedSchema parsed, NewSchema newSchema) {
    for (int attempt = 1; ; attempt++) {
      Snapshot snapshot = database.read(c -> snapshot(c, subject));
      CompatibilityVerdict verdict = check(snapshot.level(), snapshot.history(), parsed);
      Registration outcome =
          database.inTransaction(
              c -> register(c, subject, submission, parsed, newSchema, snapshot, verdict));
      switch (outcome) {
        case Registration.Done done -> {
          return done.result();
        }
        case Registration.HistoryMoved moved -> {
          if (attempt >= MAX_VERDICT_ATTEMPTS) {
            throw new RegistryServerException(
                Reason.STORE_UNAVAILABLE,
                "Subject " + subject + " changed during every attempt to register; try again");
          }
        }
      }
    }
  }

  // Each retry means another registration of the subject committed: progress was made.
  private static final int MAX_VERDICT_ATTEMPTS = 50;

  /** The history a verdict was computed on: the level, and which schema each live version held. */
  private record Snapshot(
      CompatibilityLevel level, List<VersionRow> liveRows, List<ParsedSchema> history) {}

  private sealed interface Registration {
    record Done(RegistrationResult result) implements Registration {}

    record HistoryMoved() implements Registration {}
  }

  private Snapshot snapshot(Connection c, String subject) throws SQLException {
    SubjectRepository.SubjectSettings subjectSettings = subjectRows.subjectSettings(c, subject);
    CompatibilityLevel level = settings.effectiveCompatibility(subjectSettings);
    List<VersionRow> live = liveRows(c, subject);
    List<ParsedSchema> history = new ArrayList<>();
    if (level != CompatibilityLevel.NONE) {
      for (VersionRow row : live) {
        history.add(parseById(c, row.schemaId()));
      }
    }
    return new Snapshot(level, live, history);
  }

  /** The versions a verdict at this level depends on: none, the latest, or all of them. */
  private static List<VersionRow> judged(CompatibilityLevel level, List<VersionRow> live) {
    if (level == CompatibilityLevel.NONE || live.isEmpty()) {
      return List.of();
    }
    return level.isTransitive() ? live : List.of(live.getLast());
  }

  private List<VersionRow> liveRows(Connection c, String subject) throws SQLException {
    return repository.versions(c, subject).stream().filter(r -> !r.deleted()).toList();
  }

  private Registration register(
      Connection c,
      String subject,
      SchemaSubmission submission,
      ParsedSchema parsed,
      NewSchema submitted,
      Snapshot snapshot,
      CompatibilityVerdict verdict)
      throws SQLException {
    SubjectRepository.SubjectSettings subjectSettings = subjectRows.lockSubject(c, subject);
    Mode mode = settings.effectiveMode(subjectSettings);
    if (!mode.allowsWrites()) {
      throw RegistryServerException.notPermitted("Subject " + subject + " is in read-only mode");
    }
    if (mode != Mode.IMPORT && (submission.id().isPresent() || submission.version().isPresent())) {
      throw RegistryServerException.notPermitted(
          "Subject "
              + subject
              + " is not in import mode: an explicit id or version is accepted only in IMPORT"
              + " mode");
    }
    // Confluent: outside IMPORT, the contract is the submitted one (else the previous version's)
    // under the config's defaults and overrides; it is part of the identity looked up below.
    NewSchema newSchema =
        submitted.withContract(
            mode == Mode.IMPORT
                ? submission.contract()
                : effectiveContract(c, subject, submission.contract()));
    OptionalInt existingId = repository.schemaIdByContentKey(c, newSchema.contentKey());
    if (existingId.isPresent()) {
      Optional<VersionRow> existing =
          repository.versionOfSchema(c, subject, existingId.getAsInt(), false);
      if (existing.isPresent()) {
        requireSameId(submission, existingId.getAsInt());
        return new Registration.Done(
            new RegistrationResult(
                existingId.getAsInt(), existing.get().version(), false, newSchema.contract()));
      }
    }
    if (mode != Mode.IMPORT) {
      CompatibilityLevel level = settings.effectiveCompatibility(subjectSettings);
      if (level != snapshot.level()
          || !judged(level, liveRows(c, subject)).equals(judged(level, snapshot.liveRows()))) {
        return new Registration.HistoryMoved();
      }
      if (!verdict.compatible()) {
        throw new RegistryServerException(
            Reason.INCOMPATIBLE_SCHEMA,
            "Schema being registered is incompatible with an earlier schema for subject \""
                + subject
                + "\", details: "
                + verdict.messages());
      }
    }
    int id;
    if (submission.id().isPresent()) {
      id = submission.id().getAsInt();
      importSchema(c, id, newSchema, existingId);
    } else {
      id = repository.insertOrGetSchema(c, newSchema);
    }
    int version;
    if (submission.version().isPresent()) {
      version = submission.version().getAsInt();
      if (version < 1) {
        throw RegistryServerException.invalidVersion(String.valueOf(version));
      }
      if (repository.versionExists(c, subject, version)) {
        throw RegistryServerException.notPermitted(
            "Version " + version + " of subject " + subject + " already exists");
      }
    } else {
      version = repository.nextVersion(c, subject);
    }
    repository.insertVersion(c, subject, version, id);
    return new Registration.Done(new RegistrationResult(id, version, true, newSchema.contract()));
  }

  /** The submitted contract completed from the latest live version and the config in scope. */
  private SchemaContract effectiveContract(
      Connection c, String subject, SchemaContract submittedContract) throws SQLException {
    Optional<SchemaContract> previous =
        repository.version(c, subject, OptionalInt.empty(), false).map(v -> v.schema().contract());
    return contracts.effective(c, subject).apply(submittedContract, previous);
  }

  private void importSchema(Connection c, int id, NewSchema newSchema, OptionalInt existingId)
      throws SQLException {
    if (id < 1) {
      throw new RegistryServerException(
          Reason.ID_DOES_NOT_MATCH, "Schema id must be a positive number, got " + id);
    }
    if (existingId.isPresent()) {
      if (existingId.getAsInt() != id) {
        throw new RegistryServerException(
            Reason.ID_DOES_NOT_MATCH,
            "Schema already registered with id "
                + existingId.getAsInt()
                + " instead of input id "
                + id);
      }
      return;
    }
    Optional<String> keyOfId = repository.contentKeyOf(c, id);
    if (keyOfId.isPresent()) {
      throw new RegistryServerException(
          Reason.ID_DOES_NOT_MATCH,
          "Overwrite new schema with id " + id + " is not permitted: the id holds another schema");
    }
    repository.insertSchemaWithId(c, id, newSchema);
  }

  private static void requireSameId(SchemaSubmission submission, int id) {
    if (submission.id().isPresent() && submission.id().getAsInt() != id) {
      throw new RegistryServerException(
          Reason.ID_DOES_NOT_MATCH,
          "Schema already registered with id "
              + id
              + " instead of input id "
              + submission.id().getAsInt());
    }
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
            SchemaContract completed = effectiveContract(c, subject, submission.contract());
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
              List<ParsedSchema> history;
              if (selector.isPresent() && selector.get() instanceof VersionSelector.Exact) {
                SubjectVersion against = findVersion(c, subject, selector.get(), false);
                history = List.of(parse(c, against.schema()));
              } else {
                history = liveHistory(c, subject);
                if (selector.isPresent() && !history.isEmpty()) {
                  history = List.of(history.getLast());
                }
              }
              return new Inputs(level, history, parsed);
            });
    return check(inputs.level(), inputs.history(), inputs.candidate());
  }

  private CompatibilityVerdict check(
      CompatibilityLevel level, List<ParsedSchema> history, ParsedSchema candidate) {
    if (level == CompatibilityLevel.NONE || history.isEmpty()) {
      return new CompatibilityVerdict(true, List.of());
    }
    CompatibilityResult result = engine.check(level, history, candidate);
    return new CompatibilityVerdict(result.compatible(), SchemaEngine.describeBreaking(result));
  }

  private List<ParsedSchema> liveHistory(Connection c, String subject) throws SQLException {
    List<ParsedSchema> history = new ArrayList<>();
    for (VersionRow row : repository.versions(c, subject)) {
      if (row.deleted()) {
        continue;
      }
      history.add(parseById(c, row.schemaId()));
    }
    return history;
  }

  private ParsedSchema parseById(Connection c, int id) throws SQLException {
    Optional<ParsedSchema> cached = engine.cachedParse(id);
    if (cached.isPresent()) {
      return cached.get();
    }
    StoredSchema stored =
        repository
            .schemaRowById(c, id)
            .orElseThrow(() -> new SQLException("schema " + id + " vanished", "40001"));
    return parse(c, stored);
  }

  private ParsedSchema parse(Connection c, StoredSchema stored) throws SQLException {
    Map<String, String> resolved =
        stored.references().isEmpty() || engine.isParsed(stored.id())
            ? Map.of()
            : references.resolve(c, stored.references());
    return engine.parsedStored(stored, resolved);
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
