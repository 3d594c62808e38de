package dev.schemagate.core.contract;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks a quality rule's {@code params} against what its {@link RuleType} takes. */
public final class RuleParams {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

  private RuleParams() {}

  /** Problems with the params, each as (param path suffix, message). */
  static List<ContractViolation> check(RuleType rule, Map<String, Object> params, String path) {
    List<ContractViolation> problems = new ArrayList<>();
    switch (rule) {
      case NOT_NULL, UNIQUE -> {}
      case ACCEPTED_VALUES -> {
        if (acceptedValues(params.get("values")).isEmpty()) {
          problems.add(
              new ContractViolation(
                  path + ".values", "accepted_values needs a non-empty list of values"));
        }
      }
      case RANGE -> bounds(params, path, false, problems);
      case ROW_COUNT -> bounds(params, path, true, problems);
      case REGEX -> {
        if (!(params.get("pattern") instanceof String pattern) || pattern.isEmpty()) {
          problems.add(new ContractViolation(path + ".pattern", "regex needs a pattern"));
        } else {
          try {
            Pattern.compile(pattern);
          } catch (PatternSyntaxException invalid) {
            problems.add(
                new ContractViolation(
                    path + ".pattern",
                    "does not compile: %s at index %d"
                        .formatted(invalid.getDescription(), invalid.getIndex())));
          }
        }
      }
      case FRESHNESS -> {
        Object maxAge = params.get("maxAge");
        if (!(maxAge instanceof String text) || duration(text).isEmpty()) {
          problems.add(
              new ContractViolation(
                  path + ".maxAge",
                  "freshness needs maxAge, a positive duration such as 30m, 1h30m or PT2H"
                      + (maxAge == null ? "" : " (got '" + maxAge + "')")));
        }
      }
    }
    return problems;
  }

  private static void bounds(
      Map<String, Object> params, String path, boolean counts, List<ContractViolation> out) {
    Object min = params.get("min");
    Object max = params.get("max");
    String rule = counts ? "row_count" : "range";
    if (min == null && max == null) {
      out.add(new ContractViolation(path, rule + " needs min, max or both"));
      return;
    }
    Optional<Double> low = number(min, path + ".min", counts, out);
    Optional<Double> high = number(max, path + ".max", counts, out);
    if (low.isPresent() && high.isPresent() && low.get() > high.get()) {
      out.add(new ContractViolation(path, "min (%s) is greater than max (%s)".formatted(min, max)));
    }
  }

  private static Optional<Double> number(
      Object value, String path, boolean count, List<ContractViolation> out) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<Double> parsed = asNumber(value);
    if (parsed.isEmpty()) {
      out.add(new ContractViolation(path, "must be a number, not '" + value + "'"));
      return Optional.empty();
    }
    double d = parsed.get();
    if (count && (d < 0 || d != Math.floor(d))) {
      out.add(new ContractViolation(path, "must be a whole number of rows, 0 or more"));
      return Optional.empty();
    }
    return Optional.of(d);
  }

  /**
   * The accepted values: a list, or (as the DataContract resource holds params as strings) a
   * comma-separated string. Empty when there are none.
   */
  public static List<String> acceptedValues(Object values) {
    if (values instanceof List<?> list) {
      return list.stream().filter(v -> v != null).map(String::valueOf).toList();
    }
    if (values instanceof String text) {
      return java.util.Arrays.stream(text.split(","))
          .map(String::trim)
          .filter(v -> !v.isEmpty())
          .toList();
    }
    return List.of();
  }

  /** A number, or a string holding one (resource params are strings). */
  public static Optional<Double> asNumber(Object value) {
    if (value instanceof Number number) {
      return Optional.of(number.doubleValue());
    }
    if (value instanceof String text) {
      try {
        double d = Double.parseDouble(text.trim());
        return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A positive duration, ISO-8601 ({@code PT1H}) or short ({@code 1h30m}). */
  public static Optional<Duration> duration(String text) {
    String trimmed = text.trim();
    Duration parsed = null;
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        parsed = Duration.parse(trimmed);
      } catch (DateTimeParseException invalid) {
        return Optional.empty();
      }
    } else {
      Matcher part = SHORT_DURATION.matcher(trimmed);
      int end = 0;
      Duration sum = Duration.ZERO;
      while (part.find() && part.start() == end) {
        long n = Long.parseLong(part.group(1));
        sum =
            sum.plus(
                switch (part.group(2)) {
                  case "ms" -> Duration.ofMillis(n);
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  case "h" -> Duration.ofHours(n);
                  case "d" -> Duration.ofDays(n);
                  default -> Duration.ofDays(7 * n);
                });
        end = part.end();
      }
      if (end == 0 || end != trimmed.length()) {
        return Optional.empty();
      }
      parsed = sum;
    }
    return parsed.isZero() || parsed.isNegative() ? Optional.empty() : Optional.of(parsed);
  }
}
