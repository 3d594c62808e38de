package dev.schemagate.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.contract.RuleParams;
import dev.schemagate.core.schema.BoundedRegex;
import dev.schemagate.core.schema.SchemaLimitException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract rules one record can be held to: {@code not_null}, {@code accepted_values}, {@code
 * range}, {@code regex} (dataset rules — unique, row_count, freshness — need many records and are
 * the batch checkpoint's). Rules of severity warn are not enforced here.
 */
final class RecordRules {
  private record Rule(String field, String pointer, Contract.QualityRule rule, Check check) {}

  @FunctionalInterface
  private interface Check {
    /** The violation message, or empty when the value keeps the rule. */
    Optional<String> apply(JsonNode value);
  }

  private final List<Rule> rules = new ArrayList<>();

  RecordRules(Contract contract) {
    for (Contract.QualityRule rule : contract.quality()) {
      if (rule.severity() != Contract.Severity.ERROR || rule.field().isEmpty()) {
        continue;
      }
      String field = rule.field().get();
      String pointer = "/" + field.replace("~", "~0").replace("/", "~1").replace(".", "/");
      check(rule).ifPresent(check -> rules.add(new Rule(field, pointer, rule, check)));
    }
  }

  private static Optional<Check> check(Contract.QualityRule rule) {
    return switch (rule.rule()) {
      case NOT_NULL ->
          Optional.of(
              v ->
                  v.isMissingNode() || v.isNull()
                      ? Optional.of("must not be null")
                      : Optional.empty());
      case ACCEPTED_VALUES -> {
        Set<String> accepted =
            new HashSet<>(RuleParams.acceptedValues(rule.params().get("values")));
        yield Optional.of(
            v ->
                absent(v) || accepted.contains(v.asText())
                    ? Optional.empty()
                    : Optional.of("'" + v.asText() + "' is not one of " + accepted));
      }
      case RANGE -> {
        Optional<Double> min = RuleParams.asNumber(rule.params().get("min"));
        Optional<Double> max = RuleParams.asNumber(rule.params().get("max"));
        yield Optional.of(
            v -> {
              if (absent(v) || !v.isNumber()) {
                return Optional.empty(); // types are the schema's to check
              }
              double d = v.asDouble();
              return min.isPresent() && d < min.get() || max.isPresent() && d > max.get()
                  ? Optional.of(
                      v.asText()
                          + " is outside ["
                          + min.map(String::valueOf).orElse("")
                          + ", "
                          + max.map(String::valueOf).orElse("")
                          + "]")
                  : Optional.empty();
            });
      }
      case REGEX -> {
        Pattern pattern = Pattern.compile(String.valueOf(rule.params().get("pattern")));
        yield Optional.of(
            v -> {
              if (absent(v)) {
                return Optional.empty();
              }
              try {
                return BoundedRegex.find(pattern, v.asText(), IngestGate.REGEX_BUDGET)
                    ? Optional.empty()
                    : Optional.of("'" + v.asText() + "' does not match " + pattern.pattern());
              } catch (SchemaLimitException e) {
                return Optional.of(e.getMessage() + " (limit " + e.limit() + ")");
              }
            });
      }
      default -> Optional.empty();
    };
  }

  private static boolean absent(JsonNode v) {
    return v.isMissingNode() || v.isNull();
  }

  List<Violation> check(JsonNode body) {
    List<Violation> out = new ArrayList<>();
    for (Rule rule : rules) {
      JsonNode value = body.at(rule.pointer());
      rule.check()
          .apply(value)
          .ifPresent(m -> out.add(new Violation(rule.pointer(), rule.rule().rule().wireName(), m)));
    }
    return out;
  }
}
