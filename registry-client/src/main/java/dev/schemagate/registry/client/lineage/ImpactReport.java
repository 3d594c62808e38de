package dev.schemagate.registry.client.lineage;

import java.util.List;

/**
 * The graded impact of a set of changed columns.
 *
 * @param severity {@code NONE}, {@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code CRITICAL}
 * @param blocking whether the severity policy holds a change of this grade for approval
 * @param decisive ids of the assets that decided the grade
 * @param reachedColumns how many columns the change reaches downstream
 */
public record ImpactReport(
    String severity,
    boolean blocking,
    String reason,
    List<String> decisive,
    List<Asset> assets,
    int reachedColumns) {
  public ImpactReport {
    decisive = List.copyOf(decisive);
    assets = List.copyOf(assets);
  }

  /** An affected asset; {@code explanation} is the lineage path rendered for humans. */
  public record Asset(
      String id,
      String kind,
      String name,
      String owner,
      String criticality,
      boolean direct,
      String explanation) {}
}
