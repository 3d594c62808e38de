package dev.schemagate.registry.server.registry;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.registry.server.registry.RegistryServerException.Reason;
import dev.schemagate.registry.server.storage.Database;
import dev.schemagate.registry.server.storage.SchemaRepository;
import dev.schemagate.registry.server.storage.SchemaRepository.NewSchema;
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
 * Registration ({@code POST /subjects/{s}/versions}) as a protocol: a snapshot of the subject's
 * history, the compatibility verdict computed with no connection held, then one transaction that
 * locks the subject, applies the data contract's identity and uses the verdict only if the history
 * it was computed on still holds.
 */
final class SchemaRegistration {
  private final Database database;
  private final SchemaRepository repository;
  private final SubjectRepository subjectRows;
  private final SchemaEngine engine;
  private final SettingsService settings;
  private final ReferenceResolver references;
  private final SubjectHistory history;
  private final ChangeListener listener;

  SchemaRegistration(
      Database database,
      SchemaRepository repository,
      SubjectRepository subjectRows,
      SchemaEngine engine,
      SettingsService settings,
      ReferenceResolver references,
      SubjectHistory history,
      ChangeListener listener) {
    this.database = database;
    this.repository = repository;
    this.subjectRows = subjectRows;
    this.engine = engine;
    this.settings = settings;
    this.references = references;
    this.history = history;
    this.listener = listener;
  }

  RegistrationResult register(String subject, SchemaSubmission submission, boolean normalize) {
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
      CompatibilityVerdict verdict = history.check(snapshot.level(), snapshot.history(), parsed);
      Outcome outcome =
          database.inTransaction(
              c -> register(c, subject, submission, parsed, newSchema, snapshot, verdict));
      switch (outcome) {
        case Outcome.Done done -> {
          return done.result();
        }
        case Outcome.HistoryMoved moved -> {
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

  private sealed interface Outcome {
    record Done(RegistrationResult result) implements Outcome {}

    record HistoryMoved() implements Outcome {}
  }

  private Snapshot snapshot(Connection c, String subject) throws SQLException {
    SubjectRepository.SubjectSettings subjectSettings = subjectRows.subjectSettings(c, subject);
    CompatibilityLevel level = settings.effectiveCompatibility(subjectSettings);
    List<VersionRow> live = history.liveRows(c, subject);
    List<ParsedSchema> parsedHistory = new ArrayList<>();
    if (level != CompatibilityLevel.NONE) {
      for (VersionRow row : live) {
        parsedHistory.add(history.parseById(c, row.schemaId()));
      }
    }
    return new Snapshot(level, live, parsedHistory);
  }

  /** The versions a verdict at this level depends on: none, the latest, or all of them. */
  private static List<VersionRow> judged(CompatibilityLevel level, List<VersionRow> live) {
    if (level == CompatibilityLevel.NONE || live.isEmpty()) {
      return List.of();
    }
    return level.isTransitive() ? live : List.of(live.getLast());
  }

  private Outcome register(
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
    if (mode != Mode.IMPORT && submission.id().isPresent()) {
      throw RegistryServerException.notPermitted(
          "Subject "
              + subject
              + " is not in import mode: an explicit id is accepted only in IMPORT mode");
    }
    // Confluent: outside IMPORT, the contract is the submitted one (else the previous version's)
    // under the config's defaults and overrides; it is part of the identity looked up below.
    NewSchema contracted =
        submitted.withContract(
            mode == Mode.IMPORT
                ? submission.contract()
                : history.effectiveContract(c, subject, submission.contract()));
    OptionalInt existingId = repository.schemaIdByContentKey(c, contracted.contentKey());
    if (existingId.isPresent()) {
      Optional<VersionRow> existing =
          repository.versionOfSchema(c, subject, existingId.getAsInt(), false);
      if (existing.isPresent()
          && (mode == Mode.IMPORT
              || submission.version().isEmpty()
              || submission.version().getAsInt() == existing.get().version())) {
        requireSameId(submission, existingId.getAsInt());
        return new Outcome.Done(
            new RegistrationResult(
                existingId.getAsInt(),
                existing.get().version(),
                false,
                // IMPORT stores the contract as sent, unstamped: answer what was stored
                mode != Mode.IMPORT
                        && (existing.get().version() == submission.version().orElse(-1)
                            || contracted.contract().hasVersionStamp())
                    ? contracted.contract().stampedWith(existing.get().version())
                    : contracted.contract()));
      }
    }
    if (mode != Mode.IMPORT) {
      CompatibilityLevel level = settings.effectiveCompatibility(subjectSettings);
      if (level != snapshot.level()
          || !judged(level, history.liveRows(c, subject))
              .equals(judged(level, snapshot.liveRows()))) {
        return new Outcome.HistoryMoved();
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
    int version;
    NewSchema newSchema = contracted;
    if (mode == Mode.IMPORT && submission.version().isPresent()) {
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
      if (mode != Mode.IMPORT) {
        // Confluent's optimistic concurrency: a registration naming its version succeeds only as
        // the next one, and the version is stamped into the metadata (kept up to date once there)
        OptionalInt requested = submission.version();
        if (requested.isPresent() && requested.getAsInt() > 0 && requested.getAsInt() != version) {
          throw new RegistryServerException(
              Reason.INVALID_SCHEMA,
              "Version is not one more than previous version: subject "
                  + subject
                  + " would register version "
                  + version
                  + ", the request names version "
                  + requested.getAsInt());
        }
        if (requested.isPresent() || contracted.contract().hasVersionStamp()) {
          newSchema = contracted.withContract(contracted.contract().stampedWith(version));
        }
      }
    }
    int id;
    if (submission.id().isPresent()) {
      id = submission.id().getAsInt();
      importSchema(c, id, newSchema, existingId);
    } else {
      id = repository.insertOrGetSchema(c, newSchema);
    }
    repository.insertVersion(c, subject, version, id);
    return new Outcome.Done(new RegistrationResult(id, version, true, newSchema.contract()));
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
}
