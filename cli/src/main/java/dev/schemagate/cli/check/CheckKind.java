package dev.schemagate.cli.check;

import dev.schemagate.core.contract.RuleType;
import java.util.Locale;

/** What a checkpoint verifies: the contract's quality rules and the schema's own field types. */
public enum CheckKind {
  NOT_NULL,
  UNIQUE,
  ACCEPTED_VALUES,
  RANGE,
  REGEX,
  ROW_COUNT,
  FRESHNESS,
  /** The value has the schema's type; a required, non-nullable field is present and not null. */
  TYPE;

  static CheckKind of(RuleType rule) {
    return valueOf(rule.name());
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
