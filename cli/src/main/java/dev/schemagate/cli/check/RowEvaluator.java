package dev.schemagate.cli.check;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.contract.RuleParams;
import dev.schemagate.core.schema.BoundedRegex;
import dev.schemagate.core.schema.SchemaLimitException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies a {@link CheckPlan} to rows streamed from a file, one pass, keeping only counters, the
 * first samples of each failure and (for {@code unique}) one 64-bit hash per distinct value. Two
 * evaluators of consecutive parts of a file {@link #merge} into what one evaluator of the whole
 * would hold, except the sample rows of values repeated across parts (see {@link #merge}).
 */
final class RowEvaluator {
  /** What matching one value may take: real patterns finish in microseconds. */
  static final Duration REGEX_BUDGET = Duration.ofMillis(100);

  private final List<Tally> tallies = new ArrayList<>();
  private final boolean textual;
  private final Instant now;
  private long rows;

  /**
   * @param textual whether every value is text (CSV), so types are judged by parsing
   */
  RowEvaluator(CheckPlan plan, boolean textual, Instant now) {
    this.textual = textual;
    this.now = now;
    List<String> slots = List.copyOf(plan.fields());
    plan.checks().forEach(c -> tallies.add(new Tally(c, slots)));
  }

  void accept(Row row) {
    rows++;
    for (Tally tally : tallies) {
      if (tally.slot >= 0 && tally.fails(tally.value(row))) {
        tally.failing++;
        if (tally.samples.size() < RuleResult.MAX_SAMPLES) {
          tally.samples.add(new Sample(row.unit(), row.line(), row.render()));
        }
      }
    }
  }

  /**
   * Adds what {@code next}, the evaluator of the part of the file right after this one's, counted;
   * its lines are numbered from {@code lineOffset} + 1. {@code unique} stays exact: a hash of
   * {@code next} already here is one more duplicate. Such a duplicate's row is in {@code next}'s
   * part but was not known to repeat there, so it has no sample row; the result says so.
   */
  void merge(RowEvaluator next, long lineOffset) {
    rows += next.rows;
    for (int i = 0; i < tallies.size(); i++) {
      Tally mine = tallies.get(i);
      Tally theirs = next.tallies.get(i);
      mine.failing += theirs.failing;
      mine.timedOut += theirs.timedOut;
      for (Sample sample : theirs.samples) {
        if (mine.samples.size() < RuleResult.MAX_SAMPLES) {
          mine.samples.add(new Sample(sample.unit(), sample.line() + lineOffset, sample.body()));
        }
      }
      if (theirs.newest != null && (mine.newest == null || theirs.newest.isAfter(mine.newest))) {
        mine.newest = theirs.newest;
      }
      if (mine.seen != null) {
        mine.acrossParts += theirs.acrossParts;
        theirs.seen.forEach(
            hash -> {
              if (!mine.seen.add(hash)) {
                mine.failing++;
                mine.acrossParts++;
              }
            });
      }
    }
  }

  long rows() {
    return rows;
  }

  List<RuleResult> results() {
    return tallies.stream().map(Tally::result).toList();
  }

  private record Sample(String unit, long line, String body) {
    String render() {
      return unit + " " + line + ": " + body;
    }
  }

  private final class Tally {
    final RuleCheck check;
    final int slot; // of the top-level field in CheckPlan.fields(); -1 for dataset rules
    final JsonPointer nested; // the rest of a dotted path, inside the top-level value
    final List<Sample> samples = new ArrayList<>();
    long failing;
    long acrossParts; // unique: duplicates found only when parts were merged
    long timedOut; // regex: values the pattern could not be matched on in time
    // per-kind state, set up once
    Set<String> accepted;
    Pattern pattern;
    Double min;
    Double max;
    LongHashSet seen;
    Instant newest;
    String type; // lower case, looked up once rather than per row
    boolean alwaysPresent;

    Tally(RuleCheck check, List<String> slots) {
      this.check = check;
      String path = check.field().orElse("");
      int dot = path.indexOf('.');
      this.slot = check.field().isEmpty() ? -1 : slots.indexOf(CheckPlan.topLevel(path));
      this.nested =
          dot < 0 ? null : JsonPointer.compile("/" + path.substring(dot + 1).replace(".", "/"));
      switch (check.kind()) {
        case ACCEPTED_VALUES ->
            accepted = new HashSet<>(RuleParams.acceptedValues(check.params().get("values")));
        case REGEX -> pattern = Pattern.compile(check.param("pattern"));
        case RANGE, ROW_COUNT -> {
          min = RuleParams.asNumber(check.params().get("min")).orElse(null);
          max = RuleParams.asNumber(check.params().get("max")).orElse(null);
        }
        case UNIQUE -> seen = new LongHashSet();
        case TYPE -> {
          type = check.param("type").toLowerCase(java.util.Locale.ROOT);
          alwaysPresent = Boolean.TRUE.equals(check.params().get("alwaysPresent"));
        }
        default -> {}
      }
    }

    /** A nested path ({@code customer.email}) walks into the top-level field's object. */
    Object value(Row row) {
      Object top = row.get(slot);
      if (nested == null) {
        return top;
      }
      if (!(top instanceof JsonNode node)) {
        return top == null ? null : Row.MISSING;
      }
      JsonNode at = node.at(nested);
      if (at.isMissingNode()) {
        return Row.MISSING;
      }
      if (at.isNull()) {
        return null;
      }
      if (at.isIntegralNumber()) {
        return at.asLong();
      }
      if (at.isNumber()) {
        return at.asDouble();
      }
      if (at.isBoolean()) {
        return at.asBoolean();
      }
      return at.isTextual() ? at.asText() : at;
    }

    boolean fails(Object value) {
      boolean absent = value == null || value == Row.MISSING || textual && "".equals(value);
      return switch (check.kind()) {
        case TYPE -> absent ? alwaysPresent : !ValueTypes.hasType(value, type, textual);
        case NOT_NULL -> absent;
        case UNIQUE -> !absent && !seen.add(hash(ValueTypes.text(value)));
        case ACCEPTED_VALUES -> !absent && !accepted.contains(ValueTypes.text(value));
        case REGEX -> !absent && !matches(ValueTypes.text(value));
        case RANGE -> !absent && outside(ValueTypes.number(value, textual));
        case FRESHNESS -> {
          if (!absent) {
            ValueTypes.instant(value)
                .filter(t -> newest == null || t.isAfter(newest))
                .ifPresent(t -> newest = t);
          }
          yield false;
        }
        case ROW_COUNT -> false;
      };
    }

    /**
     * A user's pattern, bounded in time: one that backtracks exponentially on a value counts that
     * row as failing (it could not be shown to match) instead of holding the check for hours.
     */
    private boolean matches(String text) {
      try {
        return BoundedRegex.find(pattern, text, REGEX_BUDGET);
      } catch (SchemaLimitException tooSlow) {
        timedOut++;
        return false;
      }
    }

    private boolean outside(Optional<Double> number) {
      return number.isPresent()
          && (min != null && number.get() < min || max != null && number.get() > max);
    }

    RuleResult result() {
      RuleResult result =
          switch (check.kind()) {
            case ROW_COUNT -> Verdicts.rowCount(check, rows, min, max);
            case FRESHNESS -> Verdicts.freshness(check, Optional.ofNullable(newest), now);
            default ->
                Verdicts.counted(check, failing, samples.stream().map(Sample::render).toList());
          };
      if (timedOut > 0) {
        result =
            new RuleResult(
                check,
                result.status(),
                result.failing(),
                result.samples(),
                result.detail()
                    + "; "
                    + timedOut
                    + " of them because matching took longer than "
                    + REGEX_BUDGET.toMillis()
                    + " ms (limit regex-time: the pattern backtracks exponentially; simplify it,"
                    + " e.g. avoid nested quantifiers and backreferences)");
      }
      if (acrossParts == 0 || samples.size() >= RuleResult.MAX_SAMPLES) {
        return result;
      }
      return new RuleResult(
          check,
          result.status(),
          result.failing(),
          result.samples(),
          result.detail()
              + "; "
              + acrossParts
              + " of them repeat a value first seen in an earlier part of the file (read in"
              + " parallel) and have no sample row: --threads 1 shows them");
    }
  }

  /** FNV-1a, 64 bits: distinct values of a column rarely share one (see {@link LongHashSet}). */
  static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
