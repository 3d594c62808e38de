package dev.schemagate.registry.server.registry;

import dev.schemagate.registry.server.registry.RegistryServerException.Reason;
import dev.schemagate.registry.server.storage.Database;
import dev.schemagate.registry.server.storage.SchemaRepository;
import dev.schemagate.registry.server.storage.SchemaRepository.VersionRow;
import dev.schemagate.registry.server.storage.SubjectRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Confluent's two-step deletes: soft first (the version is hidden but its id still served), then
 * permanent (only what was soft-deleted), refusing to hide a version other schemas reference.
 */
final class SubjectDeletions {
  private final Database database;
  private final SchemaRepository repository;
  private final SubjectRepository subjectRows;
  private final ChangeListener listener;

  SubjectDeletions(
      Database database,
      SchemaRepository repository,
      SubjectRepository subjectRows,
      ChangeListener listener) {
    this.database = database;
    this.repository = repository;
    this.subjectRows = subjectRows;
    this.listener = listener;
  }

  List<Integer> deleteSubject(String subject, boolean permanent) {
    List<StoredSchema> removed = new ArrayList<>();
    List<Integer> versions =
        database.inTransaction(
            c -> {
              removed.clear();
              List<VersionRow> rows = lockedVersions(c, subject);
              List<VersionRow> live = rows.stream().filter(r -> !r.deleted()).toList();
              if (!permanent) {
                if (live.isEmpty()) {
                  throw new RegistryServerException(
                      Reason.SUBJECT_SOFT_DELETED,
                      "Subject '"
                          + subject
                          + "' was soft deleted.Set permanent=true to delete permanently");
                }
                for (VersionRow row : live) {
                  refuseIfReferenced(c, subject, row.version());
                  repository.softDelete(c, subject, row.version());
                }
                return live.stream().map(VersionRow::version).toList();
              }
              if (!live.isEmpty()) {
                throw new RegistryServerException(
                    Reason.SUBJECT_NOT_SOFT_DELETED,
                    "Subject '"
                        + subject
                        + "' was not deleted first before being permanently deleted");
              }
              for (VersionRow row : rows) {
                repository.schemaRowById(c, row.schemaId()).ifPresent(removed::add);
                repository.hardDelete(c, subject, row.version());
              }
              subjectRows.deleteSubjectRow(c, subject);
              return rows.stream().map(VersionRow::version).toList();
            });
    listener.subjectChanged(subject);
    if (!removed.isEmpty()) {
      listener.schemasRemoved(removed);
    }
    return versions;
  }

  int deleteVersion(String subject, VersionSelector selector, boolean permanent) {
    List<StoredSchema> removed = new ArrayList<>();
    int deleted =
        database.inTransaction(
            c -> {
              removed.clear();
              List<VersionRow> rows = lockedVersions(c, subject);
              VersionRow row = VersionSelector.pick(rows, subject, selector, permanent);
              if (!permanent) {
                if (row.deleted()) {
                  throw new RegistryServerException(
                      Reason.VERSION_SOFT_DELETED,
                      "Subject '"
                          + subject
                          + "' Version "
                          + row.version()
                          + " was soft deleted.Set permanent=true to delete permanently");
                }
                refuseIfReferenced(c, subject, row.version());
                repository.softDelete(c, subject, row.version());
                return row.version();
              }
              if (!row.deleted()) {
                throw new RegistryServerException(
                    Reason.VERSION_NOT_SOFT_DELETED,
                    "Subject '"
                        + subject
                        + "' Version "
                        + row.version()
                        + " was not deleted first before being permanently deleted");
              }
              repository.schemaRowById(c, row.schemaId()).ifPresent(removed::add);
              repository.hardDelete(c, subject, row.version());
              return row.version();
            });
    listener.subjectChanged(subject);
    if (!removed.isEmpty()) {
      listener.schemasRemoved(removed);
    }
    return deleted;
  }

  private List<VersionRow> lockedVersions(Connection c, String subject) throws SQLException {
    List<VersionRow> rows = repository.versions(c, subject);
    if (rows.isEmpty()) {
      throw RegistryServerException.subjectNotFound(subject);
    }
    SubjectRepository.SubjectSettings subjectSettings = subjectRows.lockSubject(c, subject);
    if (!Mode.parse(subjectSettings.effectiveMode()).orElse(Mode.READWRITE).allowsWrites()) {
      throw RegistryServerException.notPermitted("Subject " + subject + " is in read-only mode");
    }
    // Re-read under the lock: a concurrent writer may have changed the list meanwhile.
    return repository.versions(c, subject);
  }

  private void refuseIfReferenced(Connection c, String subject, int version) throws SQLException {
    if (!repository.referencedBy(c, subject, version).isEmpty()) {
      throw new RegistryServerException(
          Reason.REFERENCE_EXISTS,
          "One or more references exist to the schema {subject="
              + subject
              + ",version="
              + version
              + "}");
    }
  }
}
