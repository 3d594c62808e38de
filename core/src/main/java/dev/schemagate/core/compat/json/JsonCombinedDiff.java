package dev.schemagate.core.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Finding;
import dev.schemagate.core.compat.json.JsonRefs.Located;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code oneOf} / {@code anyOf} / {@code allOf}, as Confluent reads them: a sum type may gain
 * branches (backward) and lose them (forward), a product type the reverse; branches are matched
 * across versions by a maximum matching of compatible pairs; a plain schema may become one of the
 * branches of a sum type.
 */
final class JsonCombinedDiff {
  private final JsonSchemaDiff diff;

  JsonCombinedDiff(JsonSchemaDiff diff) {
    this.diff = diff;
  }

  /** Plain schema to/from a schema that is only a combination: compared branch-wise. */
  boolean handledAsUnionChange(String path, Located o, Located n, List<Finding> out) {
    String oc = pureCombinator(o.node());
    String nc = pureCombinator(n.node());
    if ((oc == null) == (nc == null)) {
      return false;
    }
    if ((oc == null && hasCombinator(o.node())) || (nc == null && hasCombinator(n.node()))) {
      return false;
    }
    if (nc != null) {
      JsonNode branches = n.node().get(nc);
      if (branches.size() == 1) {
        diff.compare(path + "/" + nc + "/0", o, n.child(branches.get(0)), out);
        return true;
      }
      if ("allOf".equals(nc)) {
        return false;
      }
      for (int j = 0; j < branches.size(); j++) {
        List<Finding> sub = new ArrayList<>();
        diff.compare(path, o, n.child(branches.get(j)), sub);
        if (sub.stream().noneMatch(Finding::breaksBackward)) {
          out.addAll(sub);
          out.add(
              Finding.of(
                  path + "/" + nc,
                  ChangeType.UNION_BRANCH_ADDED,
                  "now %s %d alternatives (the old schema is alternative %d)"
                      .formatted(nc, branches.size(), j),
                  null,
                  Finding.breaks(
                      "readers on the old schema accept only the old alternative",
                      "update the readers first")));
          return true;
        }
      }
      out.add(
          changed(
              path,
              "the schema became a %s of alternatives none of which accepts what it accepted"
                  .formatted(nc)));
      return true;
    }
    JsonNode branches = o.node().get(oc);
    if (branches.size() == 1) {
      diff.compare(path, o.child(branches.get(0)), n, out);
      return true;
    }
    if ("allOf".equals(oc)) {
      return false;
    }
    for (int i = 0; i < branches.size(); i++) {
      List<Finding> sub = new ArrayList<>();
      diff.compare(path + "/" + oc + "/" + i, o.child(branches.get(i)), n, sub);
      if (sub.stream().noneMatch(Finding::breaksForward)) {
        sub.forEach(f -> out.add(f.withoutBackward()));
        out.add(
            Finding.of(
                path + "/" + oc,
                ChangeType.UNION_BRANCH_REMOVED,
                "no longer %s %d alternatives: only alternative %d is kept"
                    .formatted(oc, branches.size(), i),
                Finding.breaks(
                    "old data may match the other alternatives",
                    "keep the other alternatives in %s".formatted(oc)),
                null));
        return true;
      }
    }
    out.add(
        changed(
            path,
            "the %s of alternatives became a schema that matches none of them".formatted(oc)));
    return true;
  }

  /** Combinations present on both sides (or added / removed next to other keywords). */
  void compare(String path, Located o, Located n, List<Finding> out) {
    String oc = pureCombinator(o.node());
    String nc = pureCombinator(n.node());
    if (oc != null && nc != null && !oc.equals(nc)) {
      criteriaChanged(path, o, n, oc, nc, out);
      return;
    }
    for (String keyword : JsonSchemaDiff.combinators()) {
      JsonNode ob = o.node().get(keyword);
      JsonNode nb = n.node().get(keyword);
      if (ob == null && nb == null || ob != null && ob.equals(nb) && !hasRefs(o, n)) {
        continue;
      }
      if (ob != null && nb != null && ob.isArray() && nb.isArray()) {
        branches(path + "/" + keyword, keyword, keyword, o, n, ob, nb, out);
      } else {
        boolean addedNow = nb != null;
        out.add(
            Finding.of(
                path + "/" + keyword,
                ChangeType.COMBINED_SCHEMA_CHANGED,
                "%s %s".formatted(keyword, addedNow ? "added" : "removed"),
                addedNow
                    ? Finding.breaks(
                        "it constrains what old data may hold",
                        "do not add %s to an existing schema".formatted(keyword))
                    : null,
                addedNow
                    ? null
                    : Finding.breaks(
                        "readers on the old schema still apply it", "keep %s".formatted(keyword))));
      }
    }
  }

  private static boolean hasRefs(Located o, Located n) {
    return o.owner().hasRefs() || n.owner().hasRefs();
  }

  private void criteriaChanged(
      String path, Located o, Located n, String oc, String nc, List<Finding> out) {
    JsonNode ob = o.node().get(oc);
    JsonNode nb = n.node().get(nc);
    boolean backwardOk = criterionCompatible(oc, nc, ob.size(), nb.size());
    boolean forwardOk = criterionCompatible(nc, oc, nb.size(), ob.size());
    Finding.Breakage criterion =
        Finding.breaks(
            "a document may match the alternatives in a way %s refuses".formatted(nc),
            "keep %s".formatted(oc));
    out.add(
        Finding.of(
            path + "/" + nc,
            ChangeType.COMBINED_SCHEMA_CHANGED,
            "%s changed to %s".formatted(oc, nc),
            backwardOk ? null : criterion,
            forwardOk ? null : criterion));
    branches(path + "/" + nc, oc, nc, o, n, ob, nb, out);
  }

  /**
   * Confluent: anything may become anyOf; a singleton may become oneOf; singletons become allOf.
   */
  private static boolean criterionCompatible(
      String original, String update, int originalSize, int updateSize) {
    return switch (update) {
      case "anyOf" -> true;
      case "oneOf" -> originalSize == 1;
      default -> originalSize == 1 && updateSize == 1;
    };
  }

  private void branches(
      String at,
      String oldKeyword,
      String newKeyword,
      Located o,
      Located n,
      JsonNode ob,
      JsonNode nb,
      List<Finding> out) {
    int p = ob.size();
    int q = nb.size();
    List<List<Finding>> pairs = new ArrayList<>(p * q);
    boolean[][] backwardEdges = new boolean[p][q];
    boolean[][] forwardEdges = new boolean[p][q];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < q; j++) {
        List<Finding> sub = new ArrayList<>();
        diff.compare(at + "/" + i, o.child(ob.get(i)), n.child(nb.get(j)), sub);
        pairs.add(sub);
        backwardEdges[i][j] = sub.stream().noneMatch(Finding::breaksBackward);
        forwardEdges[i][j] = sub.stream().noneMatch(Finding::breaksForward);
      }
    }
    int[] backwardMatch = Matching.maximum(backwardEdges, p, q);
    int[] forwardMatch = Matching.maximum(forwardEdges, p, q);
    int backwardSize = (int) Arrays.stream(backwardMatch).filter(j -> j >= 0).count();
    int forwardSize = (int) Arrays.stream(forwardMatch).filter(j -> j >= 0).count();
    boolean product = "allOf".equals(newKeyword) && "allOf".equals(oldKeyword);
    // Pairs matched both ways carry their own findings; the verdict on the set is below.
    for (int i = 0; i < p; i++) {
      int j = backwardMatch[i];
      if (j >= 0) {
        boolean sameForward = forwardMatch[i] == j;
        for (Finding f : pairs.get(i * q + j)) {
          out.add(sameForward ? f : f.withoutForward());
        }
      }
    }
    if (q != p) {
      boolean grew = q > p;
      boolean breaksBackward = product ? grew : !grew;
      Finding.Breakage backward =
          Finding.breaks(
              product
                  ? "the added constraints may refuse old data"
                  : "old data may match a removed alternative",
              product ? "do not add constraints to an existing schema" : "keep every alternative");
      Finding.Breakage forward =
          Finding.breaks(
              product
                  ? "readers on the old schema still apply the removed constraints"
                  : "readers on the old schema do not know the new alternatives",
              "update the readers first");
      out.add(
          Finding.of(
              at,
              grew ? ChangeType.UNION_BRANCH_ADDED : ChangeType.UNION_BRANCH_REMOVED,
              "%s went from %d to %d %s"
                  .formatted(newKeyword, p, q, product ? "constraints" : "alternatives"),
              breaksBackward ? backward : null,
              breaksBackward ? null : forward));
    }
    boolean backwardUnmatched = backwardSize < Math.min(p, q);
    boolean forwardUnmatched = forwardSize < Math.min(p, q);
    if (backwardUnmatched || forwardUnmatched) {
      String fix = "keep each old alternative, changing it only compatibly";
      out.add(
          Finding.of(
              at,
              ChangeType.COMBINED_SCHEMA_CHANGED,
              "the alternatives of %s changed".formatted(newKeyword),
              backwardUnmatched
                  ? Finding.breaks("some old alternative has no compatible new one", fix)
                  : null,
              forwardUnmatched
                  ? Finding.breaks("some new alternative is not accepted by an old one", fix)
                  : null));
    }
  }

  private static Finding changed(String path, String message) {
    Finding.Breakage both =
        Finding.breaks(
            "no alternative matches the other side",
            "keep the old schema as one of the alternatives");
    return Finding.of(
        path.isEmpty() ? "/" : path, ChangeType.COMBINED_SCHEMA_CHANGED, message, both, both);
  }

  /** The combinator keyword when the schema is only that combination (plus annotations). */
  static String pureCombinator(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    String found = null;
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (JsonKeyword.ANNOTATIONS.contains(key)) {
        continue;
      }
      if (!JsonSchemaDiff.combinators().contains(key)
          || found != null
          || !node.get(key).isArray()) {
        return null;
      }
      found = key;
    }
    return found;
  }

  private static boolean hasCombinator(JsonNode node) {
    for (String keyword : JsonSchemaDiff.combinators()) {
      if (node.has(keyword)) {
        return true;
      }
    }
    return false;
  }

  /** Maximum bipartite matching by augmenting paths (Kuhn): branch lists are short. */
  static final class Matching {
    private Matching() {}

    /** For each left vertex, its matched right vertex or -1. */
    static int[] maximum(boolean[][] edges, int left, int right) {
      int[] matchOfRight = new int[right];
      Arrays.fill(matchOfRight, -1);
      for (int u = 0; u < left; u++) {
        augment(u, edges, matchOfRight, new boolean[right]);
      }
      int[] matchOfLeft = new int[left];
      Arrays.fill(matchOfLeft, -1);
      for (int v = 0; v < right; v++) {
        if (matchOfRight[v] >= 0) {
          matchOfLeft[matchOfRight[v]] = v;
        }
      }
      return matchOfLeft;
    }

    private static boolean augment(int u, boolean[][] edges, int[] matchOfRight, boolean[] seen) {
      for (int v = 0; v < matchOfRight.length; v++) {
        if (edges[u][v] && !seen[v]) {
          seen[v] = true;
          if (matchOfRight[v] < 0 || augment(matchOfRight[v], edges, matchOfRight, seen)) {
            matchOfRight[v] = u;
            return true;
          }
        }
      }
      return false;
    }
  }
}
