package dev.schemagate.core.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Finding;
import dev.schemagate.core.compat.json.JsonContentModel.MemberModel;
import dev.schemagate.core.compat.json.JsonRefs.Located;
import java.util.List;
import java.util.Objects;

/** Arrays: {@code items} for all elements, draft-7 tuples and 2020-12 {@code prefixItems}. */
final class JsonArrayDiff {
  private final JsonSchemaDiff diff;
  private final JsonContentModel models;

  JsonArrayDiff(JsonSchemaDiff diff, JsonContentModel models) {
    this.diff = diff;
    this.models = models;
  }

  /**
   * {@code items} (one schema for all, or a draft-7 tuple), {@code prefixItems}, {@code
   * additionalItems}.
   */
  void compare(String path, Located o, Located n, List<Finding> out) {
    JsonNode oi = o.node().get("items");
    JsonNode ni = n.node().get("items");
    if (oi != null && ni != null && !oi.isArray() && !ni.isArray()) {
      diff.compare(path + "/items", o.child(oi), n.child(ni), out);
    } else if ((oi == null) != (ni == null)
        && (oi == null || !oi.isArray())
        && (ni == null || !ni.isArray())) {
      JsonNode any = BooleanNode.TRUE;
      diff.compare(
          path + "/items", o.child(oi == null ? any : oi), n.child(ni == null ? any : ni), out);
    }
    String tupleKey =
        o.node().has("prefixItems") || n.node().has("prefixItems") ? "prefixItems" : "items";
    JsonNode ot = o.node().get(tupleKey);
    JsonNode nt = n.node().get(tupleKey);
    if ((ot != null && ot.isArray()) || (nt != null && nt.isArray())) {
      tuple(path + "/" + tupleKey, o, n, arrayOrEmpty(ot), arrayOrEmpty(nt), tupleKey, out);
    }
    if (!Objects.equals(o.node().get("additionalItems"), n.node().get("additionalItems"))) {
      models.openness(path, "additionalItems", o, n, out);
    }
  }

  private static JsonNode arrayOrEmpty(JsonNode node) {
    return node != null && node.isArray() ? node : JsonNodeFactory.instance.arrayNode();
  }

  private void tuple(
      String at,
      Located o,
      Located n,
      JsonNode ot,
      JsonNode nt,
      String tupleKey,
      List<Finding> out) {
    List<String> rest = List.of("prefixItems".equals(tupleKey) ? "items" : "additionalItems");
    MemberModel oldRest = JsonContentModel.restModel(o, rest);
    MemberModel newRest = JsonContentModel.restModel(n, rest);
    int common = Math.min(ot.size(), nt.size());
    for (int i = 0; i < common; i++) {
      diff.compare(at + "/" + i, o.child(ot.get(i)), n.child(nt.get(i)), out);
    }
    for (int i = common; i < nt.size(); i++) {
      Located member = n.child(nt.get(i));
      boolean backward = !models.addedIsCompatible(at, member, oldRest, false);
      boolean forward = !models.removedIsCompatible(at, member, oldRest);
      out.add(
          Finding.of(
              at + "/" + i,
              ChangeType.ITEMS_CHANGED,
              "tuple item %d added".formatted(i),
              backward
                  ? Finding.breaks(
                      "old arrays may hold other values at position " + i,
                      "constrain position %d no more than before".formatted(i))
                  : null,
              forward
                  ? Finding.breaks(
                      "readers on the old schema refuse arrays this long",
                      "open the old readers' tuple first")
                  : null));
    }
    for (int i = common; i < ot.size(); i++) {
      Located member = o.child(ot.get(i));
      boolean backward = !models.removedIsCompatible(at, member, newRest);
      boolean forward = !models.addedIsCompatible(at, member, newRest, false);
      out.add(
          Finding.of(
              at + "/" + i,
              ChangeType.ITEMS_CHANGED,
              "tuple item %d removed".formatted(i),
              backward
                  ? Finding.breaks(
                      "old arrays with an item at position %d are refused".formatted(i),
                      "keep the tuple item, or allow further items")
                  : null,
              forward
                  ? Finding.breaks(
                      "new arrays may hold values at position %d that old readers refuse"
                          .formatted(i),
                      "keep the tuple item declared")
                  : null));
    }
  }
}
