package dev.schemagate.cli;

import dev.schemagate.core.lineage.dbt.DbtProject;
import dev.schemagate.registry.client.lineage.ConsumerDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The assets of a dbt project as lineage consumers: each model reads the columns of the relations
 * it depends on, each exposure the columns of the models it depends on. A manifest does not say
 * which columns a model uses, so it is declared as reading every column known for its inputs: an
 * impact query errs towards naming a model that reads a column, not missing it.
 */
final class DbtConsumers {
  private DbtConsumers() {}

  static List<ConsumerDeclaration> of(
      DbtProject project, String namespace, Optional<String> environment) {
    Map<String, DbtProject.Relation> byId = new LinkedHashMap<>();
    project.relations().forEach(r -> byId.put(r.uniqueId(), r));
    List<ConsumerDeclaration> out = new ArrayList<>();
    for (DbtProject.Relation model : project.relations()) {
      if (model.type() == DbtProject.RelationType.SOURCE) {
        continue;
      }
      String criticality = model.criticality().orElse("MEDIUM").toUpperCase(Locale.ROOT);
      String owner = model.owner().orElse(project.projectName());
      reads(model.dependsOn(), byId, namespace)
          .forEach(
              (dataset, fields) ->
                  out.add(
                      new ConsumerDeclaration(
                          "dbt_model",
                          model.name(),
                          owner,
                          criticality,
                          environment,
                          namespace,
                          dataset,
                          fields)));
    }
    for (DbtProject.Exposure exposure : project.exposures()) {
      String kind =
          switch (exposure.type()) {
            case "ml" -> "ml_model";
            case "application" -> "service";
            default -> "dashboard"; // dashboard, notebook, analysis
          };
      String criticality =
          switch (exposure.maturity().orElse("")) {
            case "high" -> "HIGH";
            case "low" -> "LOW";
            default -> "MEDIUM";
          };
      reads(exposure.dependsOn(), byId, namespace)
          .forEach(
              (dataset, fields) ->
                  out.add(
                      new ConsumerDeclaration(
                          kind,
                          exposure.name(),
                          exposure.owner().orElse(project.projectName()),
                          criticality,
                          environment,
                          namespace,
                          dataset,
                          fields)));
    }
    return out;
  }

  /** Dataset → columns read, for the inputs whose columns are known. */
  private static Map<String, List<String>> reads(
      List<String> dependsOn, Map<String, DbtProject.Relation> byId, String namespace) {
    Map<String, List<String>> reads = new LinkedHashMap<>();
    for (String id : dependsOn) {
      DbtProject.Relation input = byId.get(id);
      if (input != null && !input.columns().isEmpty()) {
        reads.put(input.dataset(), input.columns().stream().map(DbtProject.Column::name).toList());
      }
    }
    return reads;
  }
}
