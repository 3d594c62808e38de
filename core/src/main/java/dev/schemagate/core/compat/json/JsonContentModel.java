package dev.schemagate.core.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Finding;
import dev.schemagate.core.compat.json.JsonRefs.Located;
import dev.schemagate.core.schema.BoundedRegex;
import java.util.List;
import java.util.Objects;

/**
 * Confluent's content models, shared by objects and tuples: open (anything else allowed), closed
 * ({@code additionalProperties: false}) or partially open (a schema for the others). A member only
 * one side declares is judged against the other side's model for it.
 */
final class JsonContentModel {
  enum Model {
    OPEN,
    PARTIAL,
    CLOSED
  }

  private final JsonSchemaDiff diff;

  JsonContentModel(JsonSchemaDiff diff) {
    this.diff = diff;
  }

  /**
   * Confluent's rule for a member only the update declares, judged by the original's content model
   * for it: open, only if the member is unconstrained; partially open, if the original's schema for
   * it is compatible with the member; and unless closed, it must not be required without a default.
   */
  boolean addedIsCompatible(
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
  boolean removedIsCompatible(String at, Located member, MemberModel update) {
    return switch (update.model()) {
      case OPEN -> true;
      case PARTIAL -> diff.compatible(at, member, update.schema());
      case CLOSED -> JsonSchemaDiff.isFalse(member.node());
    };
  }

  record MemberModel(Model model, Located schema) {}

  /** How an object treats a property it does not declare: a matching pattern, else its rest. */
  static MemberModel memberModel(Located owner, String name) {
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
  static MemberModel restModel(Located owner, List<String> keywords) {
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
    return BoundedRegex.find(regex, name); // a user's pattern: bounded in time
  }

  static Model model(JsonNode rest) {
    if (rest == null || JsonSchemaDiff.isEmpty(rest)) {
      return Model.OPEN;
    }
    return JsonSchemaDiff.isFalse(rest) ? Model.CLOSED : Model.PARTIAL;
  }

  /** additionalProperties / unevaluatedProperties: open, closed, or a schema for the others. */
  void openness(String path, String keyword, Located o, Located n, List<Finding> out) {
    JsonNode oa = o.node().get(keyword);
    JsonNode na = n.node().get(keyword);
    if (Objects.equals(oa, na)) {
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
}
