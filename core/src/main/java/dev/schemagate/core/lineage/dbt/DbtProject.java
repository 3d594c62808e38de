package dev.schemagate.core.lineage.dbt;

import java.util.List;
import java.util.Optional;

/**
 * What lineage needs from a dbt project's {@code manifest.json} (and {@code catalog.json}): the
 * relations it reads and builds, their columns and dependencies, model contracts, and the exposures
 * downstream.
 *
 * @param invocationId the dbt run that wrote the manifest; events derive stable run ids from it
 * @param generatedAt when the manifest was written (RFC 3339)
 */
public record DbtProject(
    String projectName,
    String invocationId,
    String generatedAt,
    List<Relation> relations,
    List<Exposure> exposures) {
  public DbtProject {
    relations = List.copyOf(relations);
    exposures = List.copyOf(exposures);
  }

  public enum RelationType {
    MODEL,
    SOURCE,
    SEED,
    SNAPSHOT
  }

  /**
   * A table or view dbt reads (a source) or builds (a model, seed or snapshot).
   *
   * @param uniqueId dbt's id, e.g. {@code model.shop.stg_orders}
   * @param dataset {@code database.schema.identifier} as the warehouse names it
   * @param dependsOn unique ids of the relations it is built from
   * @param contractEnforced a model with {@code contract: {enforced: true}}
   * @param owner {@code meta.owner}, else the dbt group, when given
   * @param criticality {@code meta.criticality} when given
   */
  public record Relation(
      String uniqueId,
      RelationType type,
      String name,
      String dataset,
      List<Column> columns,
      List<String> dependsOn,
      boolean contractEnforced,
      Optional<String> owner,
      Optional<String> criticality) {
    public Relation {
      columns = List.copyOf(columns);
      dependsOn = List.copyOf(dependsOn);
    }
  }

  /** A column, with the type the model contract or the catalog gives, if any. */
  public record Column(String name, Optional<String> dataType) {}

  /**
   * Something outside dbt that reads its relations: a dashboard, a notebook, an ML model, an
   * application.
   *
   * @param type dbt's exposure type: {@code dashboard}, {@code notebook}, {@code analysis}, {@code
   *     ml} or {@code application}
   * @param maturity {@code high}, {@code medium} or {@code low}, when given
   */
  public record Exposure(
      String uniqueId,
      String name,
      String type,
      Optional<String> owner,
      Optional<String> maturity,
      List<String> dependsOn) {
    public Exposure {
      dependsOn = List.copyOf(dependsOn);
    }
  }
}
