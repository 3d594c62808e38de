package dev.schemagate.core.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Finding;
import dev.schemagate.core.compat.json.JsonRefs.Located;
import dev.schemagate.core.compat.json.JsonTypes.JsonType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The JSON Schema structural diff, old to new, following Confluent's semantics: BACKWARD means the
 * new schema accepts every document the old one accepted (so removing a property from an open
 * content model is fine, adding one is not unless its schema is empty); FORWARD is the same
 * question with the roles swapped. Each finding carries both verdicts, computed in one pass.
 *
 * <p>This class dispatches and handles types, annotations, {@code $ref} and combined schemas;
 * {@link JsonObjectDiff} handles objects and arrays, {@link JsonKeywordDiff} bounds and enums.
 */
final class JsonSchemaDiff {
  private final JsonRefs oldRefs;
  private final JsonRefs newRefs;
  private final Set<String> inProgress = new HashSet<>();
  private final JsonObjectDiff objects = new JsonObjectDiff(this);
  private final JsonKeywordDiff keywords = new JsonKeywordDiff();
  private final JsonCombinedDiff combined = new JsonCombinedDiff(this);

  JsonSchemaDiff(JsonRefs oldRefs, JsonRefs newRefs) {
    this.oldRefs = oldRefs;
    this.newRefs = newRefs;
  }

  List<Finding> diff() {
    List<Finding> out = new ArrayList<>();
    compare("", oldRefs.start(), newRefs.start(), out);
    return out;
  }

  /** Whether Confluent would call {@code update} backward compatible with {@code original}. */
  boolean compatible(String path, Located original, Located update) {
    List<Finding> sub = new ArrayList<>();
    compare(path, original, update, sub);
    return sub.stream().noneMatch(Finding::breaksBackward);
  }

  void compare(String path, Located o, Located n, List<Finding> out) {
    Located ro = o.resolved();
    Located rn = n.resolved();
    String pair =
        ro.refKey().isEmpty() || rn.refKey().isEmpty()
            ? null
            : ro.refKey() + "\u0000" + rn.refKey();
    if (pair != null && !inProgress.add(pair)) {
      return; // a recursive schema: this pair is already being compared further up
    }
    try {
      compareResolved(path, ro, rn, out);
    } finally {
      if (pair != null) {
        inProgress.remove(pair);
      }
    }
  }

  private void compareResolved(String path, Located o, Located n, List<Finding> out) {
    JsonNode on = o.node();
    JsonNode nn = n.node();
    if (!oldRefs.hasRefs() && !newRefs.hasRefs() && on.equals(nn)) {
      return; // without refs, equal trees mean equal schemas
    }
    String at = path.isEmpty() ? "/" : path;
    if (unresolvedRef(on) || unresolvedRef(nn)) {
      if (!Objects.equals(on.get("$ref"), nn.get("$ref"))) {
        Finding.Breakage unknown =
            Finding.breaks(
                "the referenced content cannot be resolved, so it may differ",
                "keep the reference, or pass the referenced schema so its content can be compared");
        out.add(
            Finding.of(
                at + (at.endsWith("/") ? "" : "/") + "$ref",
                ChangeType.REFERENCE_CHANGED,
                "reference changed from %s to %s".formatted(refText(on), refText(nn)),
                unknown,
                unknown));
      }
      return;
    }
    if (on.isBoolean() || nn.isBoolean()) {
      booleans(at, on, nn, out);
      return;
    }
    if (combined.handledAsUnionChange(path, o, n, out)) {
      return;
    }
    annotations(path, on, nn, out);
    types(at, on, nn, out);
    keywords.compare(path, on, nn, out);
    objects.compare(path, o, n, out);
    combined.compare(path, o, n, out);
    unknownKeywords(path, on, nn, out);
  }

  /**
   * Keywords this diff does not know (extensions such as {@code x-owner}, {@code $anchor}, {@code
   * contentEncoding}): listed, not breaking, so a version bump never misses them.
   */
  private static void unknownKeywords(String path, JsonNode on, JsonNode nn, List<Finding> out) {
    Set<String> keys = new java.util.TreeSet<>();
    on.fieldNames().forEachRemaining(keys::add);
    nn.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      if (!JsonKeyword.isKnown(key) && !Objects.equals(on.get(key), nn.get(key))) {
        out.add(Finding.info(path + "/" + key, ChangeType.OTHER, "'" + key + "' changed"));
      }
    }
  }

  private static boolean unresolvedRef(JsonNode node) {
    return node.isObject() && node.has("$ref");
  }

  private static String refText(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? "an inline schema" : "'" + ref.asText() + "'";
  }

  private static void booleans(String at, JsonNode on, JsonNode nn, List<Finding> out) {
    EnumSet<JsonType> ot = JsonTypes.of(on);
    EnumSet<JsonType> nt = JsonTypes.of(nn);
    boolean oldFalse = on.isBoolean() && !on.booleanValue();
    boolean newFalse = nn.isBoolean() && !nn.booleanValue();
    boolean newAny = (nn.isBoolean() && nn.booleanValue()) || isEmpty(nn);
    boolean oldAny = (on.isBoolean() && on.booleanValue()) || isEmpty(on);
    if (oldFalse == newFalse && oldAny == newAny) {
      return;
    }
    if (oldFalse || newAny) {
      out.add(
          Finding.of(
              at,
              ChangeType.TYPE_WIDENED,
              "schema widened from %s to %s".formatted(text(on), text(nn)),
              null,
              Finding.breaks(
                  "readers on the old schema refuse what it now allows",
                  "widen the readers' schema first")));
    } else if (newFalse || oldAny) {
      out.add(
          Finding.of(
              at,
              ChangeType.TYPE_NARROWED,
              "schema narrowed from %s to %s".formatted(text(on), text(nn)),
              Finding.breaks(
                  "old data may no longer be accepted",
                  "keep accepting what the old schema accepted"),
              null));
    } else if (!ot.equals(nt)) {
      Finding.Breakage both = Finding.breaks("each side accepts values the other refuses", null);
      out.add(Finding.of(at, ChangeType.TYPE_CHANGED, "schema changed", both, both));
    }
  }

  private static String text(JsonNode node) {
    return node.isBoolean()
        ? node.toString()
        : isEmpty(node) ? "{} (anything)" : "a constrained schema";
  }

  /** {@code true} or a schema with nothing but annotations: accepts anything. */
  static boolean isEmpty(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    for (var it = node.fieldNames(); it.hasNext(); ) {
      if (!JsonKeyword.ANNOTATIONS.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  static boolean isFalse(JsonNode node) {
    return node.isBoolean() && !node.booleanValue();
  }

  private static void annotations(String path, JsonNode on, JsonNode nn, List<Finding> out) {
    for (String keyword :
        List.of(
            "title",
            "description",
            "$comment",
            "examples",
            "deprecated",
            "readOnly",
            "writeOnly")) {
      if (!Objects.equals(on.get(keyword), nn.get(keyword))) {
        out.add(Finding.info(path + "/" + keyword, ChangeType.DOC_CHANGED, keyword + " changed"));
      }
    }
    JsonNode od = on.get("default");
    JsonNode nd = nn.get("default");
    if (od == null && nd != null) {
      out.add(
          Finding.info(
              path + "/default", ChangeType.FIELD_DEFAULT_ADDED, "default " + nd + " added"));
    } else if (od != null && nd == null) {
      out.add(
          Finding.info(
              path + "/default", ChangeType.FIELD_DEFAULT_REMOVED, "default " + od + " removed"));
    } else if (od != null && !od.equals(nd)) {
      out.add(
          Finding.info(
              path + "/default",
              ChangeType.FIELD_DEFAULT_CHANGED,
              "default changed from %s to %s".formatted(od, nd)));
    }
    if (!Objects.equals(on.get("format"), nn.get("format"))) {
      out.add(
          Finding.info(
              path + "/format",
              ChangeType.FORMAT_CHANGED,
              "format changed from %s to %s (an annotation: not validated by default)"
                  .formatted(valueText(on.get("format")), valueText(nn.get("format")))));
    }
    for (String keyword : List.of("$id", "$schema")) {
      if (!Objects.equals(on.get(keyword), nn.get(keyword))) {
        out.add(Finding.info(path + "/" + keyword, ChangeType.OTHER, keyword + " changed"));
      }
    }
  }

  private static String valueText(JsonNode valueOrNull) {
    return valueOrNull == null ? "none" : valueOrNull.toString();
  }

  private static void types(String at, JsonNode on, JsonNode nn, List<Finding> out) {
    EnumSet<JsonType> ot = JsonTypes.of(on);
    EnumSet<JsonType> nt = JsonTypes.of(nn);
    if (ot.equals(nt)) {
      return;
    }
    String typePath = at + (at.endsWith("/") ? "" : "/") + "type";
    String change =
        "type changed from %s to %s".formatted(JsonTypes.describe(ot), JsonTypes.describe(nt));
    if (nt.containsAll(ot)) {
      boolean nowNullable =
          nt.contains(JsonType.NULL)
              && !ot.contains(JsonType.NULL)
              && nt.size() < JsonType.values().length;
      out.add(
          Finding.of(
              typePath,
              ChangeType.TYPE_WIDENED,
              change + (nowNullable ? " (now nullable)" : ""),
              null,
              Finding.breaks(
                  "readers on the old schema accept only " + JsonTypes.describe(ot),
                  "widen the readers' schema first")));
    } else if (ot.containsAll(nt)) {
      out.add(
          Finding.of(
              typePath,
              ChangeType.TYPE_NARROWED,
              change,
              Finding.breaks(
                  "old data may hold " + JsonTypes.describe(ot),
                  "keep accepting %s (e.g. with a type array)".formatted(JsonTypes.describe(ot))),
              null));
    } else {
      Finding.Breakage both =
          Finding.breaks(
              "old data and new data have different types",
              "keep the type %s; add a new property for the new type"
                  .formatted(JsonTypes.describe(ot)));
      out.add(Finding.of(typePath, ChangeType.TYPE_CHANGED, change, both, both));
    }
  }

  static List<String> combinators() {
    return JsonKeyword.COMBINATORS;
  }
}
