package dev.schemagate.registry.server.registry;

import dev.schemagate.registry.server.storage.Database;
import dev.schemagate.registry.server.storage.SchemaRepository;
import dev.schemagate.registry.server.storage.SchemaSearch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Read-only searches Confluent offers over many versions: {@code GET /schemas} and {@code GET
 * /subjects/{s}/metadata}.
 */
public final class SchemaListing {
  /** Confluent's default and maximum page size for {@code GET /schemas}. */
  public static final int MAX_LIMIT = 1000;

  private final Database database;
  private final SchemaRepository repository = new SchemaRepository();
  private final SchemaSearch search = new SchemaSearch(repository);

  public SchemaListing(Database database) {
    this.database = database;
  }

  /**
   * {@code GET /schemas}. A {@code ruleType} keeps versions whose ruleSet has a rule of that type,
   * {@code visibleSubject} (the caller's grants) the versions of subjects it accepts; those filters
   * run here, so the page is cut after them.
   */
  public List<SubjectVersion> schemas(
      String prefix,
      boolean includeDeleted,
      boolean latestOnly,
      Optional<String> ruleType,
      int offset,
      int limit,
      Optional<Predicate<String>> visibleSubject) {
    if (offset < 0) {
      throw RegistryServerException.malformed("offset must be 0 or more, got " + offset);
    }
    int pageSize = limit <= 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit;
    if (ruleType.isEmpty() && visibleSubject.isEmpty()) {
      return database.read(
          c -> search.versions(c, prefix, includeDeleted, latestOnly, offset, pageSize));
    }
    List<SubjectVersion> all =
        database.read(
            c -> search.versions(c, prefix, includeDeleted, latestOnly, 0, Integer.MAX_VALUE));
    return all.stream()
        .filter(v -> visibleSubject.map(p -> p.test(v.subject())).orElse(true))
        .filter(
            v ->
                ruleType.isEmpty()
                    || v.schema()
                        .contract()
                        .ruleSet()
                        .map(r -> r.hasRulesOfType(ruleType.get()))
                        .orElse(false))
        .skip(offset)
        .limit(pageSize)
        .toList();
  }

  /**
   * {@code GET /subjects/{s}/metadata}: the newest version whose metadata properties hold every
   * given key/value pair.
   */
  public SubjectVersion latestWithMetadata(
      String subject, Map<String, String> properties, boolean includeDeleted) {
    return database.read(
        c -> {
          List<SchemaRepository.VersionRow> rows = repository.versions(c, subject);
          if (rows.stream().noneMatch(r -> includeDeleted || !r.deleted())) {
            throw RegistryServerException.subjectNotFound(subject);
          }
          for (SchemaRepository.VersionRow row : rows.reversed()) {
            if (row.deleted() && !includeDeleted) {
              continue;
            }
            Optional<SubjectVersion> version =
                repository.version(c, subject, java.util.OptionalInt.of(row.version()), true);
            if (version.isPresent()
                && version
                    .get()
                    .schema()
                    .contract()
                    .metadata()
                    .map(m -> m.properties().entrySet().containsAll(properties.entrySet()))
                    .orElse(false)) {
              return version.get();
            }
          }
          throw RegistryServerException.schemaNotFound();
        });
  }
}
