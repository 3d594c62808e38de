package dev.schemagate.registry.server.registry;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.registry.server.registry.RegistryServerException.Reason;
import dev.schemagate.registry.server.registry.contract.ContractConfig;
import dev.schemagate.registry.server.storage.ContractRepository;
import dev.schemagate.registry.server.storage.ContractRepository.Field;
import dev.schemagate.registry.server.storage.Database;
import dev.schemagate.registry.server.storage.SubjectRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Whole configs (Confluent's /config): the compatibility level together with the data-contract
 * defaults and overrides, read and written in one transaction.
 */
public final class ConfigService {
  private final Database database;
  private final SubjectRepository subjects;
  private final ContractRepository contracts = new ContractRepository();

  public ConfigService(Database database, SubjectRepository subjects) {
    this.database = database;
    this.subjects = subjects;
  }

  public ConfigView global() {
    return database.read(this::global);
  }

  /** A subject's own config; with {@code defaultToGlobal}, completed from the global one. */
  public ConfigView subject(String subject, boolean defaultToGlobal) {
    return database.read(
        c -> {
          ConfigView own = own(c, subject);
          if (defaultToGlobal) {
            ConfigView global = global(c);
            return new ConfigView(
                own.compatibility().or(global::compatibility),
                own.contract().over(global.contract()));
          }
          if (own.isEmpty()) {
            throw notConfigured(subject);
          }
          return own;
        });
  }

  /** Applies an update and returns the resulting config at that scope. */
  public ConfigView update(Optional<String> subject, ConfigUpdate update) {
    if (update.compatibility().isEmpty() && update.contract().isEmpty()) {
      throw SettingsService.invalidLevel();
    }
    Optional<CompatibilityLevel> level = update.compatibility().map(SettingsService::parseLevel);
    subject.ifPresent(Subjects::validate);
    return database.inTransaction(
        c -> {
          requireWritable(c, subject);
          if (level.isPresent()) {
            if (subject.isPresent()) {
              subjects.setSubjectSetting(
                  c, subject.get(), SettingsService.COMPATIBILITY, Optional.of(level.get().name()));
            } else {
              subjects.setGlobalSetting(c, SettingsService.COMPATIBILITY, level.get().name());
            }
          }
          for (Map.Entry<Field, Optional<String>> field : update.contract().entrySet()) {
            if (subject.isPresent()) {
              contracts.setSubject(c, subject.get(), field.getKey(), field.getValue());
            } else {
              contracts.setGlobal(c, field.getKey(), field.getValue());
            }
          }
          return subject.isPresent() ? own(c, subject.get()) : global(c);
        });
  }

  /** Removes a subject's whole config; answers the one removed. */
  public ConfigView deleteSubject(String subject) {
    return database.inTransaction(
        c -> {
          ConfigView own = own(c, subject);
          if (own.isEmpty()) {
            throw notConfigured(subject);
          }
          requireWritable(c, Optional.of(subject));
          subjects.setSubjectSetting(c, subject, SettingsService.COMPATIBILITY, Optional.empty());
          for (Field field : Field.values()) {
            contracts.setSubject(c, subject, field, Optional.empty());
          }
          return own;
        });
  }

  /** Resets the global config to the defaults; answers the one replaced. */
  public ConfigView resetGlobal() {
    return database.inTransaction(
        c -> {
          requireWritable(c, Optional.empty());
          ConfigView previous = global(c);
          subjects.setGlobalSetting(
              c, SettingsService.COMPATIBILITY, SettingsService.DEFAULT_COMPATIBILITY.name());
          for (Field field : Field.values()) {
            contracts.setGlobal(c, field, Optional.empty());
          }
          return previous;
        });
  }

  /**
   * As Confluent: in READONLY or READONLY_OVERRIDE (the subject's mode, else the global one; the
   * global mode for the global config) a config cannot change either; the mode itself still can.
   */
  private void requireWritable(Connection c, Optional<String> subject) throws SQLException {
    String stored =
        subject.isPresent()
            ? subjects.subjectSettings(c, subject.get()).effectiveMode()
            : subjects.globalSetting(c, SettingsService.MODE);
    Mode mode = Mode.parse(stored).orElse(Mode.READWRITE);
    if (mode == Mode.READONLY || mode == Mode.READONLY_OVERRIDE) {
      throw RegistryServerException.notPermitted(
          subject.map(s -> "Subject " + s).orElse("The registry")
              + " is in "
              + mode
              + " mode: its config cannot change until the mode is READWRITE");
    }
  }

  private ConfigView global(Connection c) throws SQLException {
    CompatibilityLevel level =
        CompatibilityLevel.parse(subjects.globalSetting(c, SettingsService.COMPATIBILITY))
            .orElse(SettingsService.DEFAULT_COMPATIBILITY);
    return new ConfigView(Optional.of(level), contracts.global(c));
  }

  private ConfigView own(Connection c, String subject) throws SQLException {
    Optional<CompatibilityLevel> level =
        subjects.subjectSettings(c, subject).compatibility().flatMap(CompatibilityLevel::parse);
    ContractConfig contract = contracts.subject(c, subject);
    return new ConfigView(level, contract);
  }

  private static RegistryServerException notConfigured(String subject) {
    return new RegistryServerException(
        Reason.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }
}
