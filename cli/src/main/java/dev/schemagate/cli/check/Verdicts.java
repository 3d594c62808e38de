package dev.schemagate.cli.check;

import dev.schemagate.core.contract.RuleParams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Turns what a source counted into a {@link RuleResult}; shared by files and tables. */
final class Verdicts {
  private Verdicts() {}

  static RuleResult counted(RuleCheck check, long failing, List<String> samples) {
    return new RuleResult(
        check,
        failing == 0 ? RuleResult.Status.PASSED : RuleResult.Status.FAILED,
        failing,
        samples,
        failing == 0
            ? ""
            : failing + (failing == 1 ? " row breaks " : " rows break ") + what(check));
  }

  static RuleResult rowCount(RuleCheck check, long rows, Double min, Double max) {
    boolean ok = (min == null || rows >= min) && (max == null || rows <= max);
    String bounds =
        (min == null ? "" : "at least " + min.longValue())
            + (min != null && max != null ? " and " : "")
            + (max == null ? "" : "at most " + max.longValue());
    return new RuleResult(
        check,
        ok ? RuleResult.Status.PASSED : RuleResult.Status.FAILED,
        ok ? 0 : 1,
        List.of(),
        rows + " rows; expected " + bounds);
  }

  static RuleResult freshness(RuleCheck check, Optional<Instant> newest, Instant now) {
    if (check.field().isEmpty()) {
      return new RuleResult(
          check,
          RuleResult.Status.SKIPPED,
          0,
          List.of(),
          "no timestamp field named: freshness of a dataset is checked where it is loaded");
    }
    Duration maxAge = RuleParams.duration(check.param("maxAge")).orElseThrow();
    if (newest.isEmpty()) {
      return new RuleResult(
          check, RuleResult.Status.FAILED, 1, List.of(), "no timestamp found in any row");
    }
    Duration age = Duration.between(newest.get(), now);
    boolean ok = age.compareTo(maxAge) <= 0;
    return new RuleResult(
        check,
        ok ? RuleResult.Status.PASSED : RuleResult.Status.FAILED,
        ok ? 0 : 1,
        List.of(),
        "newest "
            + check.field().get()
            + " "
            + newest.get()
            + " is "
            + human(age)
            + " old (max "
            + human(maxAge)
            + ")");
  }

  private static String what(RuleCheck check) {
    return switch (check.kind()) {
      case TYPE ->
          "the schema type "
              + check.param("type")
              + (Boolean.TRUE.equals(check.params().get("alwaysPresent"))
                  ? " (required, not null)"
                  : "");
      case NOT_NULL -> "not_null";
      case UNIQUE -> "unique (a value seen before)";
      case ACCEPTED_VALUES -> "accepted_values " + check.params().get("values");
      case RANGE ->
          "range" + bound(" min ", check.param("min")) + bound(" max ", check.param("max"));
      case REGEX -> "regex " + check.param("pattern");
      default -> check.kind().wireName();
    };
  }

  private static String bound(String label, String value) {
    return value == null ? "" : label + value;
  }

  static String human(Duration d) {
    long s = Math.abs(d.toSeconds());
    String sign = d.isNegative() ? "-" : "";
    if (s < 120) {
      return sign + s + "s";
    }
    if (s < 7200) {
      return sign + s / 60 + "m";
    }
    if (s < 172800) {
      return sign + s / 3600 + "h" + (s % 3600) / 60 + "m";
    }
    return sign + s / 86400 + "d";
  }
}
