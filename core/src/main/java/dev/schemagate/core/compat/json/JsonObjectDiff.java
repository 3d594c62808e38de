package dev.schemagate.core.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Finding;
import dev.schemagate.core.compat.json.JsonContentModel.MemberModel;
import dev.schemagate.core.compat.json.JsonRefs.Located;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Objects: properties and {@code required}, judged with Confluent's content models ({@link
 * JsonContentModel}), {@code patternProperties}, and the keywords not analysed in detail; arrays go
 * to {@link JsonArrayDiff}.
 */
final class JsonObjectDiff {
  private final JsonSchemaDiff diff;
  private final JsonContentModel models;
  private final JsonArrayDiff arrays;
  private final JsonConstraintDiff constraints;

  JsonObjectDiff(JsonSchemaDiff diff) {
    this.constraints = new JsonConstraintDiff(diff);
    this.diff = diff;
    this.models = new JsonContentModel(diff);
    this.arrays = new JsonArrayDiff(diff, models);
  }

  void compare(String path, Located o, Located n, List<Finding> out) {
    JsonNode on = o.node();
    JsonNode nn = n.node();
    if (on.has("properties") || nn.has("properties") || on.has("required") || nn.has("required")) {
      properties(path, o, n, out);
    }
    models.openness(path, "additionalProperties", o, n, out);
    models.openness(path, "unevaluatedProperties", o, n, out);
    patternProperties(path, o, n, out);
    arrays.compare(path, o, n, out);
    constraints.compare(path, o, n, out);
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
    MemberModel oldModel = JsonContentModel.memberModel(o, name);
    boolean backward = !models.addedIsCompatible(at, ns, oldModel, requiredWithoutDefault);
    boolean forward = !models.removedIsCompatible(at, ns, oldModel);
    Finding.Breakage whyBackward = null;
    if (backward && oldModel.model() == JsonContentModel.Model.OPEN) {
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
    MemberModel newModel = JsonContentModel.memberModel(n, name);
    boolean backward = !models.removedIsCompatible(at, os, newModel);
    boolean forward = !models.addedIsCompatible(at, os, newModel, requiredWithoutDefault);
    Finding.Breakage whyBackward =
        backward
            ? Finding.breaks(
                "the new content model is closed to it, so old data carrying '%s' is refused"
                    .formatted(name),
                "keep '%s' (it can be deprecated), or let additionalProperties accept it"
                    .formatted(name))
            : null;
    Finding.Breakage whyForward = null;
    if (forward && newModel.model() == JsonContentModel.Model.OPEN) {
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

  private static Set<String> required(JsonNode node) {
    JsonNode required = node.get("required");
    if (required == null || !required.isArray() || required.isEmpty()) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    required.forEach(r -> names.add(r.asText()));
    return names;
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
}
