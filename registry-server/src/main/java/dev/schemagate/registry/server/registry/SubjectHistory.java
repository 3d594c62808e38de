package dev.schemagate.registry.server.registry;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.compat.CompatibilityResult;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.registry.server.registry.contract.SchemaContract;
import dev.schemagate.registry.server.storage.ContractRepository;
import dev.schemagate.registry.server.storage.SchemaRepository;
import dev.schemagate.registry.server.storage.SchemaRepository.VersionRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A subject's history as registration, lookup and compatibility tests read it: its live versions
 * parsed (through the engine's cache), verdicts against them, and the data contract a new version
 * would get.
 */
final class SubjectHistory {
  private final SchemaRepository repository;
  private final SchemaEngine engine;
  private final ReferenceResolver references;
  private final ContractRepository contracts = new ContractRepository();

  SubjectHistory(SchemaRepository repository, SchemaEngine engine, ReferenceResolver references) {
    this.repository = repository;
    this.engine = engine;
    this.references = references;
  }

  List<VersionRow> liveRows(Connection c, String subject) throws SQLException {
    return repository.versions(c, subject).stream().filter(r -> !r.deleted()).toList();
  }

  /** The submitted contract completed from the latest live version and the config in scope. */
  SchemaContract effectiveContract(Connection c, String subject, SchemaContract submittedContract)
      throws SQLException {
    Optional<SchemaContract> previous =
        repository.version(c, subject, OptionalInt.empty(), false).map(v -> v.schema().contract());
    return contracts.effective(c, subject).apply(submittedContract, previous);
  }

  CompatibilityVerdict check(
      CompatibilityLevel level, List<ParsedSchema> history, ParsedSchema candidate) {
    if (level == CompatibilityLevel.NONE || history.isEmpty()) {
      return new CompatibilityVerdict(true, List.of());
    }
    CompatibilityResult result = engine.check(level, history, candidate);
    return new CompatibilityVerdict(result.compatible(), SchemaEngine.describeBreaking(result));
  }

  List<ParsedSchema> liveHistory(Connection c, String subject) throws SQLException {
    List<ParsedSchema> history = new ArrayList<>();
    for (VersionRow row : repository.versions(c, subject)) {
      if (row.deleted()) {
        continue;
      }
      history.add(parseById(c, row.schemaId()));
    }
    return history;
  }

  ParsedSchema parseById(Connection c, int id) throws SQLException {
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

  ParsedSchema parse(Connection c, StoredSchema stored) throws SQLException {
    Map<String, String> resolved =
        stored.references().isEmpty() || engine.isParsed(stored.id())
            ? Map.of()
            : references.resolve(c, stored.references());
    return engine.parsedStored(stored, resolved);
  }
}
