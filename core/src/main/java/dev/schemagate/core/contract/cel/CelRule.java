package dev.schemagate.core.contract.cel;

/**
 * One Confluent domain rule translated from a contract's quality rule: kind {@code CONDITION}, mode
 * {@code WRITE}, type {@code CEL}, run by Confluent's serializers on every record before it is
 * written. {@code doc} is what a refused producer sees.
 *
 * @param name a Confluent rule name (letters, digits, {@code _}, {@code -}; at most 64)
 * @param expr a CEL expression over {@code message} that is true when the record keeps the rule
 */
public record CelRule(String name, String doc, String expr) {
  /** Confluent's rule type for message-level CEL conditions. */
  public static final String TYPE = "CEL";

  /** Names of rules this translator owns start with it, so they can be replaced as a set. */
  public static final String NAME_PREFIX = "schemagate_";
}
