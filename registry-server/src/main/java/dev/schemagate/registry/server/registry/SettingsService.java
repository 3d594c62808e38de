package dev.schemagate.registry.server.registry;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.registry.server.registry.RegistryServerException.Reason;
import dev.schemagate.registry.server.storage.Database;
import dev.schemagate.registry.server.storage.SubjectRepository;
import dev.schemagate.registry.server.storage.SubjectRepository.SubjectSettings;
import java.util.Optional;

/**
 * Modes, global and per subject (Confluent's /mode), and the effective compatibility level of a
 * subject; whole configs (/config) are {@link ConfigService}'s.
 */
public final class SettingsService {
  static final String COMPATIBILITY = "compatibility";
  static final String MODE = "mode";
  public static final CompatibilityLevel DEFAULT_COMPATIBILITY = CompatibilityLevel.BACKWARD;

  private final Database database;
  private final SubjectRepository repository;

  public SettingsService(Database database, SubjectRepository repository) {
    this.database = database;
    this.repository = repository;
  }

  // ---- compatibility ----

  CompatibilityLevel effectiveCompatibility(SubjectSettings subject) {
    return level(subject.effectiveCompatibility());
  }

  // ---- mode ----

  public Mode globalMode() {
    return database.read(c -> mode(repository.globalSetting(c, MODE)));
  }

  public Mode setGlobalMode(String mode, boolean force) {
    Mode parsed = parseMode(mode);
    database.inTransaction(
        c -> {
          if (parsed == Mode.IMPORT && !force && repository.anyVersionExists(c, Optional.empty())) {
            throw RegistryServerException.notPermitted(
                "Cannot import since found existing subjects; use force=true to switch anyway");
          }
          repository.setGlobalSetting(c, MODE, parsed.name());
          return null;
        });
    return parsed;
  }

  public Mode subjectMode(String subject, boolean defaultToGlobal) {
    return database.read(
        c -> {
          Optional<String> own = repository.subjectSettings(c, subject).mode();
          if (own.isPresent()) {
            return mode(own.get());
          }
          if (defaultToGlobal) {
            return mode(repository.globalSetting(c, MODE));
          }
          throw new RegistryServerException(
              Reason.SUBJECT_MODE_NOT_CONFIGURED,
              "Subject '" + subject + "' does not have subject-level mode configured");
        });
  }

  public Mode setSubjectMode(String subject, String mode, boolean force) {
    Subjects.validate(subject);
    Mode parsed = parseMode(mode);
    database.inTransaction(
        c -> {
          if (parsed == Mode.IMPORT
              && !force
              && repository.anyVersionExists(c, Optional.of(subject))) {
            throw RegistryServerException.notPermitted(
                "Cannot import since found existing subjects; use force=true to switch anyway");
          }
          repository.setSubjectSetting(c, subject, MODE, Optional.of(parsed.name()));
          return null;
        });
    return parsed;
  }

  public Mode deleteSubjectMode(String subject) {
    return database.inTransaction(
        c -> {
          Optional<String> own = repository.subjectSettings(c, subject).mode();
          if (own.isEmpty()) {
            throw new RegistryServerException(
                Reason.SUBJECT_MODE_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level mode configured");
          }
          repository.setSubjectSetting(c, subject, MODE, Optional.empty());
          return mode(own.get());
        });
  }

  Mode effectiveMode(SubjectSettings subject) {
    return mode(subject.effectiveMode());
  }

  // ---- parsing ----

  static CompatibilityLevel parseLevel(String text) {
    return CompatibilityLevel.parse(text).orElseThrow(SettingsService::invalidLevel);
  }

  static RegistryServerException invalidLevel() {
    return new RegistryServerException(
        Reason.INVALID_COMPATIBILITY_LEVEL,
        "Invalid compatibility level. Valid values are none, backward, forward, full,"
            + " backward_transitive, forward_transitive, and full_transitive");
  }

  private static Mode parseMode(String text) {
    return Mode.parse(text)
        .orElseThrow(
            () ->
                new RegistryServerException(
                    Reason.INVALID_MODE,
                    "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE, and"
                        + " IMPORT"));
  }

  private static CompatibilityLevel level(String stored) {
    return CompatibilityLevel.parse(stored).orElse(DEFAULT_COMPATIBILITY);
  }

  private static Mode mode(String stored) {
    return Mode.parse(stored).orElse(Mode.READWRITE);
  }
}
