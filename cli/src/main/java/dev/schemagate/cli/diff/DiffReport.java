package dev.schemagate.cli.diff;

import dev.schemagate.core.compat.VersionBump;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@code schemagate diff}: every changed schema and contract, and, when a lineage
 * API was given, who downstream is affected.
 */
public record DiffReport(
    String base,
    String head,
    List<SchemaDiff> schemas,
    List<ContractDiff> contracts,
    Optional<ImpactReport> impact) {
  public DiffReport {
    schemas = List.copyOf(schemas);
    contracts = List.copyOf(contracts);
  }

  public boolean breaking() {
    return schemas.stream().anyMatch(SchemaDiff::breaking);
  }

  public long breakingChanges() {
    return schemas.stream()
        .flatMap(s -> s.changes().stream())
        .filter(LocatedChange::breaking)
        .count();
  }

  /** The largest bump any schema needs. */
  public VersionBump bump() {
    return schemas.stream()
        .map(SchemaDiff::bump)
        .max(Comparator.naturalOrder())
        .orElse(VersionBump.NONE);
  }

  public DiffReport withImpact(ImpactReport impact) {
    return new DiffReport(base, head, schemas, contracts, Optional.of(impact));
  }
}
