package dev.schemagate.operator.contract;

import dev.schemagate.core.contract.ContractViolation;
import dev.schemagate.crds.v1alpha1.Drift;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fields {@code spec.drift.fields} names must exist in the schema (dotted paths for nested
 * ones, as the monitor reports them): a threshold on a misspelt field would never apply. The CRD
 * checks the values; only the schema can check the names.
 */
final class DriftFields {
  private DriftFields() {}

  static List<ContractViolation> unknown(Drift drift, Set<String> schemaPaths) {
    List<ContractViolation> problems = new ArrayList<>();
    if (drift == null || drift.fields() == null) {
      return problems;
    }
    for (int i = 0; i < drift.fields().size(); i++) {
      String field = drift.fields().get(i).field();
      if (field != null && !schemaPaths.contains(field)) {
        problems.add(
            new ContractViolation(
                "drift.fields[" + i + "].field",
                "field '%s' is not in the schema; drift thresholds name the schema's fields"
                        .formatted(field)
                    + " (dotted paths for nested ones)"));
      }
    }
    return problems;
  }
}
