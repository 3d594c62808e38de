package dev.schemagate.core.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.compat.JsonRefs.Located;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Objects and arrays, with Confluent's content models: open (anything else allowed), closed ({@code
 * additionalProperties: false}) or partially open (a schema for the others). A member only one side
 * declares is judged against the other side's content model.
 */
final class JsonObjectDiff {
  private enum Model {
    OPEN,
    PARTIAL,
    CLOSED
  }

  private final JsonSchemaDiff diff;

  JsonObjectDiff(JsonSchemaDiff diff) {
    this.diff = diff;
  }

  void compare(String path, Located o, Located n, List<Finding> out) {
    JsonNode on = o.node();
    JsonNode nn = n.node();
    if (on.has("properties") || nn.has("properties") || on.has("required") || nn.has("required")) {
      properties(path, o, n, out);
    }
    openness(path, "additionalProperties", o, n, out);
    openness(path, "unevaluatedProperties", o, n, out);
    patternProperties(path, o, n, out);
    items(path, o, n, out);
    for (String keyword :
        List.of(
            "dependencies",
            "dependentRequired",
            "dependentSchemas",
            "propertyNames",
            "contains",
            "minContains",
            "maxContains",
            "if",
            "then",
            "else",
            "not")) {
      if (!java.util.Objects.equals(on.get(keyword), nn.get(keyword))) {
        Finding.Breakage unanalysed =
            Finding.breaks(
                "schemagate does not analyse '%s' in detail, so treats any change as breaking"
                    .formatted(keyword),
                "keep '%s' as it was".formatted(keyword));
        out.add(
            Finding.of(
                path + "/" + keyword,
                keyword.equals("not") ? ChangeType.COMBINED_SCHEMA_CHANGED : ChangeType.OTHER,
                "'%s' changed".formatted(keyword),
                unanalysed,
                unanalysed));
      }
    }
  }

  private void properties(String path, Located o, Located n, List<Finding> out) {
    JsonNode op = o.node().path("properties");
    JsonNode np = n.node().path("properties");
    Set<String> oldRequired = required(o.node());
    Set<String> newRequired = required(n.node());
    Set<String> names = new LinkedHashSet<>();
    op.fieldNames().forEachRemaining(names::add);
    np.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String at = path + "/properties/" + name;
      JsonNode os = op.get(name);
      JsonNode ns = np.get(name);
      if (os != null && ns != null) {
        diff.compare(at, o.child(os), n.child(ns), out);
        required(path, name, oldRequired.contains(name), newRequired.contains(name), os, ns, out);
      } else if (ns != null) {
        added(at, name, o, n.child(ns), newRequired.contains(name), out);
      } else {
        removed(at, name, o.child(os), n, oldRequired.contains(name), out);
      }
    }
    for (String name : newRequired) {
      if (!names.contains(name) && !oldRequired.contains(name)) {
        required(path, name, false, true, null, null, out);
      }
    }
    for (String name : oldRequired) {
      if (!names.contains(name) && !newRequired.contains(name)) {
        required(path, name, true, false, null, null, out);
      }
    }
  }

  private static void required(
      String path,
      String name,
      boolean was,
      boolean is,
      JsonNode os,
      JsonNode ns,
      List<Finding> out) {
    if (was == is) {
      return;
    }
    String at = path + "/required/" + name;
    if (is) {
      boolean hasDefault = ns != null && ns.has("default");
      out.add(
          Finding.of(
              at,
              ChangeType.REQUIRED_ADDED,
              "'%s' is now required%s".formatted(name, hasDefault ? " (it has a default)" : ""),
              hasDefault
                  ? null
                  : Finding.breaks(
                      "old data may lack it",
                      "give '%s' a default, or keep it optional".formatted(name)),
              null));
    } else {
      boolean hadDefault = os != null && os.has("default");
      out.add(
          Finding.of(
              at,
              ChangeType.REQUIRED_REMOVED,
              "'%s' is no longer required".formatted(name),
              null,
              hadDefault
                  ? null
                  : Finding.breaks(
                      "readers on the old schema still require it",
                      "keep '%s' required until old readers have a default for it"
                          .formatted(name))));
    }
  }

  /** A property only the new schema declares. */
  private void added(
      String at, String name, Located o, Located ns, boolean required, List<Finding> out) {
    boolean requiredWithoutDefault = required && !ns.node().has("default");
    MemberModel oldModel = memberModel(o, name);
    boolean backward = !addedIsCompatible(at, ns, oldModel, requiredWithoutDefault);
    boolean forward = !removedIsCompatible(at, ns, oldModel);
    Finding.Breakage whyBackward = null;
    if (backward && oldModel.model() == Model.OPEN) {
      whyBackward =
          Finding.breaks(
              "the old content model is open, so old data may already carry '%s' with any value"
                  .formatted(name),
              "give '%s' an empty schema {}, or evolve with a closed content model (\"additionalProperties\": false)"
                  .formatted(name));
    } else if (backward && requiredWithoutDefault) {
      whyBackward =
          Finding.breaks(
              "it is required without a default and old data lacks it",
              "add a default, or make '%s' optional".formatted(name));
    } else if (backward) {
      whyBackward =
          Finding.breaks(
              "the old schema let other values through additionalProperties/patternProperties",
              "make its schema accept what the old content model allowed");
    }
    Finding.Breakage whyForward =
        forward
            ? Finding.breaks(
                "readers on the old schema do not allow it (closed content model)",
                "open the old readers' content model first")
            : null;
    out.add(
        Finding.of(
            at,
            ChangeType.FIELD_ADDED,
            "property '%s' added".formatted(name),
            whyBackward,
            whyForward));
  }

  /** A property only the old schema declares. */
  private void removed(
      String at, String name, Located os, Located n, boolean required, List<Finding> out) {
    boolean requiredWithoutDefault = required && !os.node().has("default");
    MemberModel newModel = memberModel(n, name);
    boolean backward = !removedIsCompatible(at, os, newModel);
    boolean forward = !addedIsCompatible(at, os, newModel, requiredWithoutDefault);
    Finding.Breakage whyBackward =
        backward
            ? Finding.breaks(
                "the new content model is closed to it, so old data carrying '%s' is refused"
                    .formatted(name),
                "keep '%s' (it can be deprecated), or let additionalProperties accept it"
                    .formatted(name))
            : null;
    Finding.Breakage whyForward = null;
    if (forward && newModel.model() == Model.OPEN) {
      whyForward =
          Finding.breaks(
              "the new content model is open, so new data may carry '%s' with values old readers refuse"
                  .formatted(name),
              "keep '%s' declared, or close the content model".formatted(name));
    } else if (forward && requiredWithoutDefault) {
      whyForward =
          Finding.breaks(
              "readers on the old schema require it",
              "first make '%s' optional (or give it a default) in a version old readers use"
                  .formatted(name));
    } else if (forward) {
      whyForward =
          Finding.breaks(
              "new data may carry '%s' with values old readers refuse".formatted(name),
              "keep '%s' declared".formatted(name));
    }
    out.add(
        Finding.of(
            at,
            ChangeType.FIELD_REMOVED,
            "property '%s' removed".formatted(name),
            whyBackward,
            whyForward));
  }

  /**
   * Confluent's rule for a member only the update declares, judged by the original's content model
   * for it: open, only if the member is unconstrained; partially open, if the original's schema for
   * it is compatible with the member; and unless closed, it must not be required without a default.
   */
  private boolean addedIsCompatible(
      String at, Located member, MemberModel original, boolean requiredWithoutDefault) {
    return switch (original.model()) {
      case OPEN -> JsonSchemaDiff.isEmpty(member.node());
      case PARTIAL -> diff.compatible(at, original.schema(), member) && !requiredWithoutDefault;
      case CLOSED -> !requiredWithoutDefault;
    };
  }

  /**
   * Confluent's rule for a member only the original declares, judged by the update's content model
   * for it: fine when open, when the update's schema for it accepts it, or when it was {@code
   * false}.
   */
  private boolean removedIsCompatible(String at, Located member, MemberModel update) {
    return switch (update.model()) {
      case OPEN -> true;
      case PARTIAL -> diff.compatible(at, member, update.schema());
      case CLOSED -> JsonSchemaDiff.isFalse(member.node());
    };
  }

  private record MemberModel(Model model, Located schema) {}

  /** How an object treats a property it does not declare: a matching pattern, else its rest. */
  private static MemberModel memberModel(Located owner, String name) {
    JsonNode node = owner.node();
    for (var it = node.path("patternProperties").properties().iterator(); it.hasNext(); ) {
      var entry = it.next();
      if (matches(entry.getKey(), name)) {
        return partialOrClosed(owner, entry.getValue());
      }
    }
    return restModel(owner, List.of("additionalProperties", "unevaluatedProperties"));
  }

  /** The model of what an object's or tuple's rest keywords allow beyond what is declared. */
  private static MemberModel restModel(Located owner, List<String> keywords) {
    MemberModel result = new MemberModel(Model.OPEN, null);
    for (String keyword : keywords) {
      JsonNode rest = owner.node().get(keyword);
      if (rest == null || JsonSchemaDiff.isEmpty(rest)) {
        continue;
      }
      MemberModel model = partialOrClosed(owner, rest);
      if (model.model() == Model.CLOSED) {
        return model;
      }
      result = model;
    }
    return result;
  }

  private static MemberModel partialOrClosed(Located owner, JsonNode schema) {
    if (JsonSchemaDiff.isFalse(schema)) {
      return new MemberModel(Model.CLOSED, null);
    }
    return JsonSchemaDiff.isEmpty(schema)
        ? new MemberModel(Model.OPEN, null)
        : new MemberModel(Model.PARTIAL, owner.child(schema));
  }

  private static boolean matches(String regex, String name) {
    try {
      return Pattern.compile(regex).matcher(name).find();
    } catch (PatternSyntaxException notJavaSyntax) {
      return false;
    }
  }

  private static Set<String> required(JsonNode node) {
    JsonNode required = node.get("required");
    if (required == null || !required.isArray() || required.isEmpty()) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    required.forEach(r -> names.add(r.asText()));
    return names;
  }

  private static Model model(JsonNode rest) {
    if (rest == null || JsonSchemaDiff.isEmpty(rest)) {
      return Model.OPEN;
    }
    return JsonSchemaDiff.isFalse(rest) ? Model.CLOSED : Model.PARTIAL;
  }

  /** additionalProperties / unevaluatedProperties: open, closed, or a schema for the others. */
  private void openness(String path, String keyword, Located o, Located n, List<Finding> out) {
    JsonNode oa = o.node().get(keyword);
    JsonNode na = n.node().get(keyword);
    if (java.util.Objects.equals(oa, na)) {
      return;
    }
    Model om = model(oa);
    Model nm = model(na);
    String at = path + "/" + keyword;
    if (om == Model.PARTIAL && nm == Model.PARTIAL) {
      diff.compare(at, o.child(oa), n.child(na), out);
    } else if (om.ordinal() < nm.ordinal()) {
      out.add(
          Finding.of(
              at,
              ChangeType.ADDITIONAL_PROPERTIES_CLOSED,
              "%s %s".formatted(keyword, nm == Model.CLOSED ? "closed" : "restricted to a schema"),
              Finding.breaks(
                  "old data with undeclared properties may be refused",
                  "keep %s as it was (%s)".formatted(keyword, oa == null ? "absent" : oa)),
              null));
    } else if (om.ordinal() > nm.ordinal()) {
      out.add(
          Finding.of(
              at,
              ChangeType.ADDITIONAL_PROPERTIES_OPENED,
              "%s %s".formatted(keyword, nm == Model.OPEN ? "opened" : "relaxed to a schema"),
              null,
              Finding.breaks(
                  "readers on the old schema refuse undeclared properties",
                  "open the content model in the readers first")));
    }
  }

  private void patternProperties(String path, Located o, Located n, List<Finding> out) {
    JsonNode op = o.node().path("patternProperties");
    JsonNode np = n.node().path("patternProperties");
    if (op.equals(np)) {
      return;
    }
    Set<String> patterns = new LinkedHashSet<>();
    op.fieldNames().forEachRemaining(patterns::add);
    np.fieldNames().forEachRemaining(patterns::add);
    for (String pattern : patterns) {
      String at = path + "/patternProperties/" + pattern;
      JsonNode os = op.get(pattern);
      JsonNode ns = np.get(pattern);
      if (os != null && ns != null) {
        diff.compare(at, o.child(os), n.child(ns), out);
      } else {
        boolean addedNow = ns != null;
        out.add(
            Finding.of(
                at,
                addedNow
                    ? ChangeType.ADDITIONAL_PROPERTIES_CLOSED
                    : ChangeType.ADDITIONAL_PROPERTIES_OPENED,
                "pattern property %s %s".formatted(pattern, addedNow ? "added" : "removed"),
                addedNow
                    ? Finding.breaks(
                        "it constrains properties old data may carry freely",
                        "do not constrain existing properties")
                    : null,
                addedNow
                    ? null
                    : Finding.breaks(
                        "readers on the old schema still constrain those properties",
                        "keep the pattern property")));
      }
    }
  }

  /**
   * {@code items} (one schema for all, or a draft-7 tuple), {@code prefixItems}, {@code
   * additionalItems}.
   */
  private void items(String path, Located o, Located n, List<Finding> out) {
    JsonNode oi = o.node().get("items");
    JsonNode ni = n.node().get("items");
    if (oi != null && ni != null && !oi.isArray() && !ni.isArray()) {
      diff.compare(path + "/items", o.child(oi), n.child(ni), out);
    } else if ((oi == null) != (ni == null)
        && (oi == null || !oi.isArray())
        && (ni == null || !ni.isArray())) {
      JsonNode any = com.fasterxml.jackson.databind.node.BooleanNode.TRUE;
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
    if (!java.util.Objects.equals(
        o.node().get("additionalItems"), n.node().get("additionalItems"))) {
      openness(path, "additionalItems", o, n, out);
    }
  }

  private static JsonNode arrayOrEmpty(JsonNode node) {
    return node != null && node.isArray()
        ? node
        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
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
    MemberModel oldRest = restModel(o, rest);
    MemberModel newRest = restModel(n, rest);
    int common = Math.min(ot.size(), nt.size());
    for (int i = 0; i < common; i++) {
      diff.compare(at + "/" + i, o.child(ot.get(i)), n.child(nt.get(i)), out);
    }
    for (int i = common; i < nt.size(); i++) {
      Located member = n.child(nt.get(i));
      boolean backward = !addedIsCompatible(at, member, oldRest, false);
      boolean forward = !removedIsCompatible(at, member, oldRest);
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
      boolean backward = !removedIsCompatible(at, member, newRest);
      boolean forward = !addedIsCompatible(at, member, newRest, false);
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
