package dev.schemagate.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.contract.RuleParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies a {@link CheckPlan} to rows streamed from a file, one pass, keeping only counters, the
 * first samples of each failure and (for {@code unique}) one 64-bit hash per distinct value.
 */
final class RowEvaluator {
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
    plan.checks().forEach(c -> tallies.add(new Tally(c)));
  }

  void accept(Row row) {
    rows++;
    for (Tally tally : tallies) {
      if (tally.check.field().isPresent() && tally.fails(value(row, tally.check.field().get()))) {
        tally.failing++;
        if (tally.samples.size() < RuleResult.MAX_SAMPLES) {
          tally.samples.add(row.render());
        }
      }
    }
  }

  long rows() {
    return rows;
  }

  List<RuleResult> results() {
    return tallies.stream().map(Tally::result).toList();
  }

  /** A nested path ({@code customer.email}) walks into the top-level field's object. */
  private static Object value(Row row, String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      return row.get(path);
    }
    Object top = row.get(path.substring(0, dot));
    if (!(top instanceof JsonNode node)) {
      return top == null ? null : Row.MISSING;
    }
    JsonNode at = node.at("/" + path.substring(dot + 1).replace(".", "/"));
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

  private final class Tally {
    final RuleCheck check;
    final List<String> samples = new ArrayList<>();
    long failing;
    // per-kind state, set up once
    Set<String> accepted;
    Pattern pattern;
    Double min;
    Double max;
    LongHashSet seen;
    Instant newest;
    String type; // lower case, looked up once rather than per row
    boolean alwaysPresent;

    Tally(RuleCheck check) {
      this.check = check;
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

    boolean fails(Object value) {
      boolean absent = value == null || value == Row.MISSING || textual && "".equals(value);
      return switch (check.kind()) {
        case TYPE -> absent ? alwaysPresent : !ValueTypes.hasType(value, type, textual);
        case NOT_NULL -> absent;
        case UNIQUE -> !absent && !seen.add(hash(ValueTypes.text(value)));
        case ACCEPTED_VALUES -> !absent && !accepted.contains(ValueTypes.text(value));
        case REGEX -> !absent && !pattern.matcher(ValueTypes.text(value)).find();
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

    private boolean outside(Optional<Double> number) {
      return number.isPresent()
          && (min != null && number.get() < min || max != null && number.get() > max);
    }

    RuleResult result() {
      return switch (check.kind()) {
        case ROW_COUNT -> Verdicts.rowCount(check, rows, min, max);
        case FRESHNESS -> Verdicts.freshness(check, Optional.ofNullable(newest), now);
        default -> Verdicts.counted(check, failing, samples);
      };
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
