package dev.schemagate.cli.check;

import dev.schemagate.core.contract.Contract.Severity;
import java.util.Map;
import java.util.Optional;

/**
 * One thing a checkpoint verifies.
 *
 * @param field the field it is about; empty for dataset rules (row_count, freshness without one)
 * @param params the rule's params as the contract wrote them; for {@link CheckKind#TYPE} {@code
 *     type} (the schema's type name) and {@code alwaysPresent} ("true" when the field is required
 *     and not nullable)
 */
public record RuleCheck(
    CheckKind kind, Optional<String> field, Map<String, Object> params, Severity severity) {
  public RuleCheck {
    params = Map.copyOf(params);
  }

  /** A stable name for reports and JUnit test cases, e.g. {@code range(amount)}. */
  public String id() {
    return kind.wireName() + field.map(f -> "(" + f + ")").orElse("");
  }

  String param(String name) {
    Object value = params.get(name);
    return value == null ? null : String.valueOf(value).strip();
  }
}
