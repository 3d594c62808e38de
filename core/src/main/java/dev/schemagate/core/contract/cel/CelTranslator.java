package dev.schemagate.core.contract.cel;

import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.contract.Contract.QualityRule;
import dev.schemagate.core.contract.Contract.Severity;
import dev.schemagate.core.contract.RuleParams;
import dev.schemagate.core.contract.RuleType;
import dev.schemagate.core.contract.SchemaField;
import dev.schemagate.core.contract.SchemaFields;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Translates a contract's quality rules into Confluent CEL conditions over one record ({@code
 * message}), so Confluent's serializers refuse a breaking record before it is written. Pure: no
 * I/O. Which rules translate and how (the table is also in {@code docs/contract-cel-rules.md}):
 *
 * <ul>
 *   <li>{@code not_null}: {@code message.f != null};
 *   <li>{@code accepted_values}: {@code message.f in ['EUR', 'USD']} (numbers for numeric fields);
 *   <li>{@code range}: {@code message.f >= min && message.f <= max} (integers for int/long fields,
 *       rounded inwards; {@code double(message.f)} against doubles for float/double/number);
 *   <li>{@code regex}: {@code message.f.matches('^(?:pattern)$')}: the whole value must match, as
 *       Java's {@code matches}; patterns using Java-only syntax (lookaround, backreferences,
 *       possessive or atomic groups) are left out, CEL's {@code matches} being RE2;
 *   <li>{@code unique}, {@code row_count}, {@code freshness}: not translated; they need many
 *       records (or the clock), which one serializer call does not see.
 * </ul>
 *
 * <p>On a nullable field every rule but {@code not_null} passes a null (as dbt's tests do); in a
 * JSON object a property the schema does not require may be missing, so checks are guarded with
 * {@code has()} ({@code not_null} requires presence). Rules on fields inside arrays or maps, on
 * fields the schema lacks, on types without a CEL comparison (bytes, decimal, dates), and {@code
 * WARN} rules (which must not refuse a record) are left out, each with its reason.
 */
public final class CelTranslator {
  private static final Pattern JAVA_ONLY_REGEX =
      Pattern.compile(
          "\\(\\?<?[=!]|\\(\\?>|\\\\[1-9]|\\\\k<|[*+?}]\\+|\\\\[AZzGQE]|\\(\\?<[a-zA-Z]");
  private static final int NAME_MAX = 64;

  private CelTranslator() {}

  /** The contract's rules against the schema they are about. */
  public static CelTranslation translate(Contract contract, ParsedSchema schema) {
    return translate(contract, SchemaFields.of(schema), schema.format() == SchemaFormat.JSON);
  }

  /**
   * {@code optionalFields}: a JSON object may lack a property the schema does not require, so each
   * check first asks {@code has()} (an Avro record always holds every field).
   */
  static CelTranslation translate(
      Contract contract, List<SchemaField> fields, boolean optionalFields) {
    Map<String, SchemaField> byPath =
        fields.stream()
            .collect(Collectors.toMap(SchemaField::path, Function.identity(), (a, b) -> a));
    List<CelRule> rules = new ArrayList<>();
    List<Untranslated> untranslated = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (QualityRule rule : contract.quality()) {
      Result result = translate(rule, byPath, optionalFields);
      switch (result) {
        case Result.Skipped skipped -> untranslated.add(new Untranslated(rule, skipped.reason()));
        case Result.Translated translated ->
            rules.add(new CelRule(uniqueName(rule, names), translated.doc(), translated.expr()));
      }
    }
    return new CelTranslation(rules, untranslated);
  }

  private sealed interface Result {
    record Translated(String expr, String doc) implements Result {}

    record Skipped(String reason) implements Result {}
  }

  private static Result translate(
      QualityRule rule, Map<String, SchemaField> fields, boolean optionalFields) {
    RuleType type = rule.rule();
    switch (type) {
      case UNIQUE, ROW_COUNT, FRESHNESS -> {
        return new Result.Skipped(
            type.wireName()
                + " needs many records (or the clock); a serializer sees one record at a time");
      }
      default -> {}
    }
    if (rule.severity() == Severity.WARN) {
      return new Result.Skipped("severity WARN: a serializer rule can only refuse, not warn");
    }
    if (rule.field().isEmpty()) {
      return new Result.Skipped(type.wireName() + " without a field");
    }
    String path = rule.field().get();
    SchemaField field = fields.get(path);
    if (field == null) {
      return new Result.Skipped("field '" + path + "' is not in the schema");
    }
    Optional<String> throughCollection = collectionOnPath(path, fields);
    if (throughCollection.isPresent()) {
      return new Result.Skipped(
          "field '" + path + "' is inside " + throughCollection.get() + " (one rule per element)");
    }
    String ref = "message." + path;
    Kind kind = Kind.of(field.type());
    Optional<String> check =
        switch (type) {
          case NOT_NULL -> Optional.of(ref + " != null");
          case ACCEPTED_VALUES -> acceptedValues(ref, kind, rule.params());
          case RANGE -> range(ref, kind, rule.params());
          case REGEX -> regex(ref, kind, rule.params());
          default -> Optional.empty();
        };
    if (check.isEmpty()) {
      return new Result.Skipped(
          type.wireName() + " on '" + path + "' of type " + field.type() + " has no CEL form here");
    }
    String expr;
    if (type == RuleType.NOT_NULL) {
      expr = optionalFields ? presence(path) + " && " + check.get() : check.get();
    } else if (optionalFields) {
      expr = "!(" + presence(path) + ") || " + ref + " == null || " + check.get();
    } else {
      expr = field.nullable() ? ref + " == null || " + check.get() : check.get();
    }
    return new Result.Translated(expr, doc(rule, path));
  }

  /** The kinds of value CEL compares differently. */
  private enum Kind {
    STRING,
    INTEGER,
    DOUBLE,
    BOOLEAN,
    OTHER;

    static Kind of(String type) {
      String base = type.contains("(") ? type.substring(0, type.indexOf('(')) : type;
      return switch (base) {
        case "string", "enum" -> STRING;
        case "int", "long", "integer" -> INTEGER;
        case "float", "double", "number" -> DOUBLE;
        case "boolean" -> BOOLEAN;
        default -> OTHER;
      };
    }
  }

  private static Optional<String> acceptedValues(
      String ref, Kind kind, Map<String, Object> params) {
    List<String> values = RuleParams.acceptedValues(params.get("values"));
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<String> literals = new ArrayList<>();
    for (String value : values) {
      Optional<String> literal =
          switch (kind) {
            case STRING -> Optional.of(string(value));
            case INTEGER -> wholeNumber(value);
            case DOUBLE ->
                decimal(value)
                    .map(
                        d ->
                            d.toPlainString().contains(".")
                                ? d.toPlainString()
                                : d.toPlainString() + ".0");
            case BOOLEAN ->
                value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                    ? Optional.of(value.toLowerCase(Locale.ROOT))
                    : Optional.empty();
            case OTHER -> Optional.empty();
          };
      if (literal.isEmpty()) {
        return Optional.empty();
      }
      literals.add(literal.get());
    }
    String operand = kind == Kind.DOUBLE ? "double(" + ref + ")" : ref;
    return Optional.of(operand + " in [" + String.join(", ", literals) + "]");
  }

  private static Optional<String> range(String ref, Kind kind, Map<String, Object> params) {
    Optional<BigDecimal> min =
        Optional.ofNullable(params.get("min")).flatMap(v -> decimal(String.valueOf(v)));
    Optional<BigDecimal> max =
        Optional.ofNullable(params.get("max")).flatMap(v -> decimal(String.valueOf(v)));
    if (min.isEmpty() && max.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    switch (kind) {
      case INTEGER -> {
        // Whole values only: a fractional bound rounds inwards, which keeps the same values.
        min.ifPresent(
            m -> parts.add(ref + " >= " + m.setScale(0, RoundingMode.CEILING).toPlainString()));
        max.ifPresent(
            m -> parts.add(ref + " <= " + m.setScale(0, RoundingMode.FLOOR).toPlainString()));
      }
      case DOUBLE -> {
        // double() because a JSON or Python number may arrive as an int, and CEL has no int/double
        // comparison in every runtime.
        min.ifPresent(m -> parts.add("double(" + ref + ") >= " + doubleLiteral(m)));
        max.ifPresent(m -> parts.add("double(" + ref + ") <= " + doubleLiteral(m)));
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(
        parts.size() == 1 ? parts.getFirst() : "(" + String.join(" && ", parts) + ")");
  }

  private static Optional<String> regex(String ref, Kind kind, Map<String, Object> params) {
    if (kind != Kind.STRING || !(params.get("pattern") instanceof String pattern)) {
      return Optional.empty();
    }
    if (JAVA_ONLY_REGEX.matcher(pattern).find()) {
      return Optional.empty();
    }
    return Optional.of(ref + ".matches(" + string("^(?:" + pattern + ")$") + ")");
  }

  /** {@code has(message.a) && has(message.a.b)}: every step of the path is there. */
  private static String presence(String path) {
    List<String> steps = new ArrayList<>();
    int dot = path.indexOf('.');
    while (dot > 0) {
      steps.add("has(message." + path.substring(0, dot) + ")");
      dot = path.indexOf('.', dot + 1);
    }
    steps.add("has(message." + path + ")");
    return String.join(" && ", steps);
  }

  /** The field's first ancestor (or itself when it is the parent) that is an array or map. */
  private static Optional<String> collectionOnPath(String path, Map<String, SchemaField> fields) {
    int dot = path.indexOf('.');
    while (dot > 0) {
      SchemaField parent = fields.get(path.substring(0, dot));
      if (parent != null
          && (parent.type().startsWith("array") || parent.type().startsWith("map"))) {
        return Optional.of("the " + parent.type() + " '" + parent.path() + "'");
      }
      dot = path.indexOf('.', dot + 1);
    }
    return Optional.empty();
  }

  private static String doc(QualityRule rule, String path) {
    Map<String, Object> params = rule.params();
    String what =
        switch (rule.rule()) {
          case NOT_NULL -> path + " must not be null";
          case ACCEPTED_VALUES ->
              path
                  + " must be one of "
                  + String.join(", ", RuleParams.acceptedValues(params.get("values")));
          case RANGE ->
              path
                  + " must be"
                  + (params.get("min") == null ? "" : " >= " + params.get("min"))
                  + (params.get("min") != null && params.get("max") != null ? " and" : "")
                  + (params.get("max") == null ? "" : " <= " + params.get("max"));
          case REGEX -> path + " must match " + params.get("pattern");
          default -> rule.rule().wireName() + " on " + path;
        };
    return "DataContract quality rule " + rule.rule().wireName() + ": " + what;
  }

  private static String uniqueName(QualityRule rule, Set<String> taken) {
    String base =
        (CelRule.NAME_PREFIX + rule.rule().wireName() + "_" + rule.field().orElse("table"))
            .replaceAll("[^A-Za-z0-9_-]", "_");
    if (base.length() > NAME_MAX - 4) {
      base = base.substring(0, NAME_MAX - 4);
    }
    String name = base;
    for (int i = 2; !taken.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private static Optional<BigDecimal> decimal(String text) {
    try {
      return Optional.of(new BigDecimal(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> wholeNumber(String text) {
    return decimal(text)
        .filter(d -> d.stripTrailingZeros().scale() <= 0)
        .map(d -> d.setScale(0, RoundingMode.UNNECESSARY).toPlainString());
  }

  private static String doubleLiteral(BigDecimal value) {
    String plain = value.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** A CEL string literal: single quotes, backslash escapes. */
  static String string(String value) {
    StringBuilder out = new StringBuilder("'");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }
}
