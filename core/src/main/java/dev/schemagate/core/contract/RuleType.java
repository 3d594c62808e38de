package dev.schemagate.core.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The quality rules a contract may declare, with the parameters each takes (numbers may be given as
 * strings, lists as comma-separated strings, as the DataContract resource holds params as a string
 * map):
 *
 * <ul>
 *   <li>{@code not_null}, {@code unique}: none;
 *   <li>{@code accepted_values}: {@code values}, a non-empty list ({@code EUR,USD});
 *   <li>{@code range}: {@code min} and/or {@code max}, numbers, min &le; max;
 *   <li>{@code regex}: {@code pattern}, a Java regular expression;
 *   <li>{@code row_count}: {@code min} and/or {@code max}, whole numbers &ge; 0, min &le; max;
 *   <li>{@code freshness}: {@code maxAge}, a duration ({@code 30m}, {@code 1h30m}, {@code PT2H}).
 * </ul>
 */
public enum RuleType {
  NOT_NULL(true),
  UNIQUE(true),
  ACCEPTED_VALUES(true),
  RANGE(true),
  REGEX(true),
  ROW_COUNT(false),
  FRESHNESS(false);

  private final boolean needsField;

  RuleType(boolean needsField) {
    this.needsField = needsField;
  }

  /** Whether the rule is about one field (else it is about the whole dataset). */
  public boolean needsField() {
    return needsField;
  }

  /** The name as written in a contract, e.g. {@code accepted_values}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RuleType> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
  }
}
