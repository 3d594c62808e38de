package dev.schemagate.core.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Finding;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Value constraints: numeric and length bounds, counts, {@code multipleOf}, {@code pattern}, {@code
 * uniqueItems}, {@code enum} and {@code const}. A tightened constraint breaks backward (old data
 * may fall outside it); a relaxed one breaks forward (old readers refuse the new values).
 */
final class JsonKeywordDiff {
  private static final List<String> UPPER =
      List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
  private static final List<String> LOWER =
      List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");

  void compare(String path, JsonNode on, JsonNode nn, List<Finding> out) {
    for (String keyword : UPPER) {
      bound(path, keyword, number(on, keyword), number(nn, keyword), true, out);
    }
    for (String keyword : LOWER) {
      bound(path, keyword, number(on, keyword), number(nn, keyword), false, out);
    }
    multipleOf(path, number(on, "multipleOf"), number(nn, "multipleOf"), out);
    pattern(path, on.get("pattern"), nn.get("pattern"), out);
    uniqueItems(path, on, nn, out);
    enumeration(path, values(on), values(nn), out);
  }

  private static BigDecimal number(JsonNode node, String keyword) {
    JsonNode value = node.get(keyword);
    return value != null && value.isNumber() ? value.decimalValue() : null;
  }

  private static void bound(
      String path, String keyword, BigDecimal ov, BigDecimal nv, boolean upper, List<Finding> out) {
    if (Objects.equals(ov, nv) || (ov != null && nv != null && ov.compareTo(nv) == 0)) {
      return;
    }
    String at = path + "/" + keyword;
    boolean tightened;
    String what;
    if (ov == null) {
      tightened = true;
      what = "%s %s added".formatted(keyword, plain(nv));
    } else if (nv == null) {
      tightened = false;
      what = "%s %s removed".formatted(keyword, plain(ov));
    } else {
      tightened = upper ? nv.compareTo(ov) < 0 : nv.compareTo(ov) > 0;
      what = "%s changed from %s to %s".formatted(keyword, plain(ov), plain(nv));
    }
    out.add(constraint(at, tightened, what, keyword, ov));
  }

  private static Finding constraint(
      String at, boolean tightened, String what, String keyword, BigDecimal oldValue) {
    return tightened
        ? Finding.of(
            at,
            ChangeType.BOUNDS_TIGHTENED,
            what,
            Finding.breaks(
                "old data may fall outside it",
                oldValue == null
                    ? "do not add %s to an existing schema".formatted(keyword)
                    : "keep %s at %s".formatted(keyword, plain(oldValue))),
            null)
        : Finding.of(
            at,
            ChangeType.BOUNDS_RELAXED,
            what,
            null,
            Finding.breaks(
                "readers on the old schema refuse the newly allowed values",
                "relax %s in the readers first".formatted(keyword)));
  }

  private static void multipleOf(String path, BigDecimal ov, BigDecimal nv, List<Finding> out) {
    if (Objects.equals(ov, nv) || (ov != null && nv != null && ov.compareTo(nv) == 0)) {
      return;
    }
    String at = path + "/multipleOf";
    if (ov == null || nv == null) {
      out.add(
          constraint(
              at,
              ov == null,
              ov == null ? "multipleOf %s added".formatted(plain(nv)) : "multipleOf removed",
              "multipleOf",
              ov));
      return;
    }
    String what = "multipleOf changed from %s to %s".formatted(plain(ov), plain(nv));
    if (nv.remainder(ov).signum() == 0) {
      out.add(constraint(at, true, what, "multipleOf", ov)); // multiples of 10 are multiples of 5
    } else if (ov.remainder(nv).signum() == 0) {
      out.add(constraint(at, false, what, "multipleOf", ov));
    } else {
      Finding.Breakage both =
          Finding.breaks(
              "each side allows values the other refuses", "keep multipleOf " + plain(ov));
      out.add(Finding.of(at, ChangeType.BOUNDS_CHANGED, what, both, both));
    }
  }

  private static void pattern(String path, JsonNode op, JsonNode np, List<Finding> out) {
    if (Objects.equals(op, np)) {
      return;
    }
    String at = path + "/pattern";
    if (op == null) {
      out.add(
          Finding.of(
              at,
              ChangeType.PATTERN_CHANGED,
              "pattern %s added".formatted(np),
              Finding.breaks(
                  "old data may not match it", "do not add a pattern to an existing schema"),
              null));
    } else if (np == null) {
      out.add(
          Finding.of(
              at,
              ChangeType.PATTERN_CHANGED,
              "pattern %s removed".formatted(op),
              null,
              Finding.breaks(
                  "readers on the old schema still enforce it",
                  "remove the pattern from the readers first")));
    } else {
      Finding.Breakage both =
          Finding.breaks(
              "values matching one pattern may not match the other", "keep the pattern " + op);
      out.add(
          Finding.of(
              at,
              ChangeType.PATTERN_CHANGED,
              "pattern changed from %s to %s".formatted(op, np),
              both,
              both));
    }
  }

  private static void uniqueItems(String path, JsonNode on, JsonNode nn, List<Finding> out) {
    boolean ou = on.path("uniqueItems").asBoolean(false);
    boolean nu = nn.path("uniqueItems").asBoolean(false);
    if (ou != nu) {
      out.add(
          constraint(
              path + "/uniqueItems",
              nu,
              nu ? "uniqueItems added" : "uniqueItems removed",
              "uniqueItems",
              null));
    }
  }

  /** {@code const} is an enum of one value. */
  private static Set<JsonNode> values(JsonNode node) {
    JsonNode values = node.get("enum");
    JsonNode constant = node.get("const");
    if (values == null && constant == null) {
      return null;
    }
    Set<JsonNode> set = new LinkedHashSet<>();
    if (values != null) {
      values.forEach(set::add);
    }
    if (constant != null) {
      if (values != null) {
        set.retainAll(Set.of(constant));
      } else {
        set.add(constant);
      }
    }
    return set;
  }

  private static void enumeration(
      String path, Set<JsonNode> ov, Set<JsonNode> nv, List<Finding> out) {
    if (Objects.equals(ov, nv)) {
      return;
    }
    String at = path + "/enum";
    if (ov == null) {
      out.add(
          Finding.of(
              at,
              ChangeType.BOUNDS_TIGHTENED,
              "values restricted to %s".formatted(nv),
              Finding.breaks(
                  "old data may hold other values",
                  "do not restrict the values of an existing schema"),
              null));
      return;
    }
    if (nv == null) {
      out.add(
          Finding.of(
              at,
              ChangeType.BOUNDS_RELAXED,
              "value restriction %s removed".formatted(ov),
              null,
              Finding.breaks(
                  "readers on the old schema refuse other values",
                  "remove the restriction in the readers first")));
      return;
    }
    Set<JsonNode> removed = new LinkedHashSet<>(ov);
    removed.removeAll(nv);
    Set<JsonNode> added = new LinkedHashSet<>(nv);
    added.removeAll(ov);
    if (!removed.isEmpty()) {
      out.add(
          Finding.of(
              at,
              ChangeType.ENUM_SYMBOL_REMOVED,
              "enum values %s removed".formatted(removed),
              Finding.breaks("old data may hold them", "keep the values %s".formatted(removed)),
              null));
    }
    if (!added.isEmpty()) {
      out.add(
          Finding.of(
              at,
              ChangeType.ENUM_SYMBOL_ADDED,
              "enum values %s added".formatted(added),
              null,
              Finding.breaks(
                  "readers on the old schema refuse them",
                  "add the values to the readers' schema first")));
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? "none" : value.stripTrailingZeros().toPlainString();
  }
}
