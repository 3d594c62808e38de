package dev.schemagate.core.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Finding;
import dev.schemagate.core.compat.json.JsonRefs.Located;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The keywords that constrain a document conditionally or negatively — {@code not}, {@code
 * dependencies} / {@code dependentRequired} / {@code dependentSchemas}, {@code if}/{@code
 * then}/{@code else}, {@code propertyNames}, {@code contains} (with {@code minContains} / {@code
 * maxContains}) — each judged by the direction in which it moves the set of valid documents, as
 * Confluent's JSON Schema diff does: a change that narrows what is valid breaks BACKWARD (old data
 * may be refused), one that widens it breaks FORWARD (old readers refuse the new data).
 */
final class JsonConstraintDiff {
  private static final JsonNode ANYTHING = BooleanNode.TRUE;
  private final JsonSchemaDiff diff;

  JsonConstraintDiff(JsonSchemaDiff diff) {
    this.diff = diff;
  }

  void compare(String path, Located o, Located n, List<Finding> out) {
    not(path + "/not", o, n, out);
    for (String keyword : List.of("dependencies", "dependentRequired", "dependentSchemas")) {
      dependencies(path + "/" + keyword, keyword, o, n, out);
    }
    condition(path, o, n, out);
    anythingWhenAbsent(path + "/propertyNames", "propertyNames", o, n, out);
    contains(path, o, n, out);
  }

  /** {@code not: S} accepts what S refuses: it widens as S narrows. */
  private void not(String at, Located o, Located n, List<Finding> out) {
    JsonNode os = o.node().get("not");
    JsonNode ns = n.node().get("not");
    if (Objects.equals(os, ns)) {
      return;
    }
    if (os == null || ns == null) {
      out.add(
          directed(
              at,
              ChangeType.COMBINED_SCHEMA_CHANGED,
              os == null ? "'not' added" : "'not' removed",
              os == null,
              "'not'"));
      return;
    }
    // Valid(new) ⊇ Valid(old) exactly when the old 'not' schema accepts all the new one does.
    boolean backwardOk = diff.compatible(at, n.child(ns), o.child(os));
    boolean forwardOk = diff.compatible(at, o.child(os), n.child(ns));
    Finding.Breakage narrows =
        Finding.breaks("the wider 'not' refuses documents that were valid", "keep 'not' as it was");
    Finding.Breakage widens =
        Finding.breaks(
            "readers on the old schema refuse documents the narrower 'not' now lets through",
            "narrow 'not' in the readers first");
    out.add(
        Finding.of(
            at,
            ChangeType.COMBINED_SCHEMA_CHANGED,
            backwardOk == forwardOk
                ? "'not' changed"
                : backwardOk ? "'not' narrowed" : "'not' widened",
            backwardOk ? null : narrows,
            forwardOk ? null : widens));
  }

  /**
   * A dependency adds a requirement when its property is present: adding one (or adding names to
   * its list) narrows what is valid, removing one widens it; schema dependencies are compared as
   * schemas.
   */
  private void dependencies(String at, String keyword, Located o, Located n, List<Finding> out) {
    JsonNode od = o.node().path(keyword);
    JsonNode nd = n.node().path(keyword);
    if (od.equals(nd)) {
      return;
    }
    Set<String> keys = new LinkedHashSet<>();
    od.fieldNames().forEachRemaining(keys::add);
    nd.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode ov = od.get(key);
      JsonNode nv = nd.get(key);
      String here = at + "/" + key;
      if (Objects.equals(ov, nv)) {
        continue;
      }
      if (ov == null || nv == null) {
        out.add(
            directed(
                here,
                ov == null ? ChangeType.DEPENDENCY_ADDED : ChangeType.DEPENDENCY_REMOVED,
                "dependency of '%s' %s".formatted(key, ov == null ? "added" : "removed"),
                ov == null,
                "the dependency of '%s'".formatted(key)));
      } else if (ov.isArray() && nv.isArray()) {
        Set<String> olds = names(ov);
        Set<String> news = names(nv);
        String what =
            "properties required with '%s' changed from %s to %s".formatted(key, olds, news);
        if (news.containsAll(olds) || olds.containsAll(news)) {
          boolean narrows = news.containsAll(olds);
          out.add(
              directed(
                  here,
                  ChangeType.DEPENDENCY_CHANGED,
                  what,
                  narrows,
                  "the dependency of '%s'".formatted(key)));
        } else {
          out.add(both(here, ChangeType.DEPENDENCY_CHANGED, what, "keep " + olds));
        }
      } else if (!ov.isArray() && !nv.isArray()) {
        diff.compare(here, o.child(ov), n.child(nv), out);
      } else {
        out.add(
            both(
                here,
                ChangeType.DEPENDENCY_CHANGED,
                "dependency of '%s' changed between a property list and a schema".formatted(key),
                "keep the dependency of '%s' as it was".formatted(key)));
      }
    }
  }

  /**
   * {@code then} and {@code else} are compared as schemas while the {@code if} stays the same; a
   * changed {@code if} moves documents between the branches, which can break either way.
   */
  private void condition(String path, Located o, Located n, List<Finding> out) {
    JsonNode oi = o.node().get("if");
    JsonNode ni = n.node().get("if");
    if (oi == null && ni == null) {
      return; // without 'if', 'then' and 'else' have no effect
    }
    if (!Objects.equals(oi, ni)) {
      boolean branches =
          o.node().has("then")
              || o.node().has("else")
              || n.node().has("then")
              || n.node().has("else");
      if (branches) {
        out.add(
            both(
                path + "/if",
                ChangeType.CONDITION_CHANGED,
                "'if' condition changed: documents move between 'then' and 'else'",
                "keep 'if' as it was"));
      }
      return;
    }
    anythingWhenAbsent(path + "/then", "then", o, n, out);
    anythingWhenAbsent(path + "/else", "else", o, n, out);
  }

  /** Keywords whose absence means "anything": compared as schemas, absent read as {@code true}. */
  private void anythingWhenAbsent(
      String at, String keyword, Located o, Located n, List<Finding> out) {
    JsonNode os = o.node().get(keyword);
    JsonNode ns = n.node().get(keyword);
    if (Objects.equals(os, ns)) {
      return;
    }
    diff.compare(at, o.child(os == null ? ANYTHING : os), n.child(ns == null ? ANYTHING : ns), out);
  }

  /** {@code contains}: at least {@code minContains} (1) and at most {@code maxContains} items. */
  private void contains(String path, Located o, Located n, List<Finding> out) {
    JsonNode os = o.node().get("contains");
    JsonNode ns = n.node().get("contains");
    String at = path + "/contains";
    if (os == null && ns == null) {
      return;
    }
    if (os == null || ns == null) {
      out.add(
          directed(
              at,
              ChangeType.ITEMS_CHANGED,
              os == null ? "'contains' added" : "'contains' removed",
              os == null,
              "'contains'"));
      return;
    }
    if (!os.equals(ns)) {
      diff.compare(at, o.child(os), n.child(ns), out);
    }
    count(path + "/minContains", "minContains", o, n, 1, true, out);
    count(path + "/maxContains", "maxContains", o, n, Long.MAX_VALUE, false, out);
  }

  private static void count(
      String at,
      String keyword,
      Located o,
      Located n,
      long absent,
      boolean isMinimum,
      List<Finding> out) {
    long ov = o.node().path(keyword).asLong(absent);
    long nv = n.node().path(keyword).asLong(absent);
    if (ov == nv) {
      return;
    }
    boolean narrows = isMinimum ? nv > ov : nv < ov;
    out.add(
        directed(
            at,
            narrows ? ChangeType.BOUNDS_TIGHTENED : ChangeType.BOUNDS_RELAXED,
            "%s changed from %s to %s".formatted(keyword, shown(ov), shown(nv)),
            narrows,
            keyword));
  }

  private static String shown(long value) {
    return value == Long.MAX_VALUE ? "none" : Long.toString(value);
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new LinkedHashSet<>();
    array.forEach(name -> names.add(name.asText()));
    return names;
  }

  /** A change that narrows what is valid (breaks BACKWARD) or widens it (breaks FORWARD). */
  private static Finding directed(
      String at, ChangeType type, String what, boolean narrows, String subject) {
    return narrows
        ? Finding.of(
            at,
            type,
            what,
            Finding.breaks(
                "documents valid before may now be refused",
                "leave %s as it was, or add the new rule under a new field".formatted(subject)),
            null)
        : Finding.of(
            at,
            type,
            what,
            null,
            Finding.breaks(
                "readers on the old schema refuse documents that are now valid",
                "change %s in the readers first".formatted(subject)));
  }

  private static Finding both(String at, ChangeType type, String what, String fix) {
    Finding.Breakage either = Finding.breaks("each side accepts documents the other refuses", fix);
    return Finding.of(at, type, what, either, either);
  }
}
