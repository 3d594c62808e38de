package dev.schemagate.registry.server.registry.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One Confluent data-contract rule (a CEL condition, a JSONata migration, an encryption rule...).
 * The registry stores and returns it; the clients execute it. Defaults as Confluent's: kind
 * TRANSFORM, mode WRITEREAD.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Rule(
    String name,
    String doc,
    Kind kind,
    Mode mode,
    String type,
    SortedSet<String> tags,
    SortedMap<String, String> params,
    String expr,
    String onSuccess,
    String onFailure,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean disabled) {
  static final int NAME_MAX_LENGTH = 64;

  /** Whether the rule checks a condition or transforms the message. */
  public enum Kind {
    TRANSFORM,
    CONDITION
  }

  /** When the rule runs: migration modes (UPGRADE...) or domain modes (WRITE...). */
  public enum Mode {
    UPGRADE,
    DOWNGRADE,
    UPDOWN,
    WRITE,
    READ,
    WRITEREAD;

    boolean isMigration() {
      return this == UPGRADE || this == DOWNGRADE || this == UPDOWN;
    }
  }

  public Rule {
    kind = kind == null ? Kind.TRANSFORM : kind;
    mode = mode == null ? Mode.WRITEREAD : mode;
    tags = tags == null ? new TreeSet<>() : new TreeSet<>(tags);
    params = params == null ? new TreeMap<>() : new TreeMap<>(params);
  }

  /** A CEL condition run by the serializer on write: a record that fails it is refused. */
  public static Rule writeCondition(
      String name,
      String doc,
      String type,
      Set<String> tags,
      Map<String, String> params,
      String expr) {
    return new Rule(
        name,
        doc,
        Kind.CONDITION,
        Mode.WRITE,
        type,
        new TreeSet<>(tags),
        new TreeMap<>(params),
        expr,
        null,
        "ERROR",
        false);
  }

  /** Confluent's checks: a name that is an identifier, a type, nothing else. */
  void validate() {
    if (name == null || name.isEmpty()) {
      throw new InvalidRuleSetException("a rule has no name");
    }
    if (name.length() > NAME_MAX_LENGTH) {
      throw new InvalidRuleSetException(
          "rule name '" + name + "' is longer than " + NAME_MAX_LENGTH + " characters");
    }
    char first = name.charAt(0);
    if (!(Character.isLetter(first) || first == '_')) {
      throw new InvalidRuleSetException("rule name '" + name + "' must start with a letter or '_'");
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        throw new InvalidRuleSetException(
            "rule name '" + name + "' may hold only letters, digits, '_' and '-'");
      }
    }
    if (type == null || type.isBlank()) {
      throw new InvalidRuleSetException("rule '" + name + "' has no type (e.g. CEL, JSONATA)");
    }
  }
}
