package dev.schemagate.cli.check;

import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.contract.SchemaField;
import dev.schemagate.core.contract.SchemaFields;
import dev.schemagate.core.schema.ParsedSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a checkpoint verifies for one contract: a type check per top-level schema field, then the
 * contract's quality rules in the order written.
 */
public record CheckPlan(String contract, List<RuleCheck> checks) {
  public CheckPlan {
    checks = List.copyOf(checks);
  }

  public static CheckPlan of(String contractName, Contract contract, ParsedSchema schema) {
    List<RuleCheck> checks = new ArrayList<>();
    for (SchemaField field : SchemaFields.of(schema)) {
      if (field.path().contains(".")) {
        continue; // nested fields are checked through their top-level column
      }
      checks.add(
          new RuleCheck(
              CheckKind.TYPE,
              Optional.of(field.path()),
              Map.of("type", field.type(), "alwaysPresent", field.alwaysPresent()),
              Contract.Severity.ERROR));
    }
    for (Contract.QualityRule rule : contract.quality()) {
      checks.add(
          new RuleCheck(CheckKind.of(rule.rule()), rule.field(), rule.params(), rule.severity()));
    }
    return new CheckPlan(contractName, checks);
  }

  /** The top-level fields any check reads, in plan order. */
  public Set<String> fields() {
    Set<String> fields = new LinkedHashSet<>();
    checks.forEach(c -> c.field().ifPresent(f -> fields.add(topLevel(f))));
    return fields;
  }

  /** Rules on nested paths ({@code customer.email}) read the top-level field that holds them. */
  static String topLevel(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }
}
