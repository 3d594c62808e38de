package dev.schemagate.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.schema.JsonSchemaDoc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field lister of the JSON Schema format: properties, through local {@code $ref}s, array items
 * and {@code allOf}/{@code anyOf}/{@code oneOf} branches.
 */
public final class JsonFields {
  // Deeper than any real schema; stops self-referencing $refs.
  private static final int MAX_DEPTH = 32;

  private JsonFields() {}

  /** Every property of {@code schema}, parents before children, in declaration order. */
  public static List<SchemaField> of(JsonSchemaDoc schema) {
    List<SchemaField> fields = new ArrayList<>();
    json(schema.root(), schema.root(), "", 0, Set.of(), fields);
    return List.copyOf(fields);
  }

  /**
   * @param inherited the names the enclosing object requires when {@code schema} is one of its
   *     combined branches (a parent's {@code required} may name a branch's property)
   */
  private static void json(
      JsonNode root,
      JsonNode schema,
      String prefix,
      int depth,
      Set<String> inherited,
      List<SchemaField> out) {
    if (depth > MAX_DEPTH) {
      return;
    }
    JsonNode resolved = resolve(root, schema);
    Set<String> required = jsonRequired(root, resolved);
    required.addAll(inherited);
    for (String combiner : List.of("allOf", "anyOf", "oneOf")) {
      for (JsonNode branch : resolved.path(combiner)) {
        json(root, branch, prefix, depth + 1, required, out);
      }
    }
    Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      String path = prefix + property.getKey();
      if (out.stream().anyMatch(f -> f.path().equals(path))) {
        continue; // the same property named again in another allOf/anyOf branch
      }
      JsonNode type = resolve(root, property.getValue());
      out.add(
          new SchemaField(
              path,
              jsonType(root, type, depth),
              jsonNullable(root, type, depth),
              required.contains(property.getKey())));
      JsonNode inner = type;
      while (inner.has("items") && inner.get("items").isObject() && depth < MAX_DEPTH) {
        inner = resolve(root, inner.get("items"));
      }
      json(root, inner, path + ".", depth + 1, Set.of(), out);
    }
  }

  /**
   * The property names an object requires: its own {@code required} and that of its {@code allOf}
   * branches (every one of which holds); {@code anyOf}/{@code oneOf} branches need not hold.
   */
  private static Set<String> jsonRequired(JsonNode root, JsonNode resolved) {
    Set<String> required = new HashSet<>();
    resolved.path("required").forEach(name -> required.add(name.asText()));
    for (JsonNode branch : resolved.path("allOf")) {
      resolve(root, branch).path("required").forEach(name -> required.add(name.asText()));
    }
    return required;
  }

  /** Follows local {@code $ref}s ({@code #/definitions/x}, {@code #/$defs/x}). */
  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; hops < MAX_DEPTH && current.path("$ref").isTextual(); hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return current; // a reference to another document: its fields are not known here
      }
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        return current;
      }
      current = target;
    }
    return current;
  }

  private static String jsonType(JsonNode root, JsonNode type, int depth) {
    JsonNode declared = type.path("type");
    String name;
    List<String> alternatives = alternatives(root, type, depth);
    if (declared.isMissingNode() && !alternatives.isEmpty()) {
      // {"anyOf": [{"type": "integer"}, {"type": "null"}]}: the type of the non-null branches
      return alternatives.size() == 1 ? alternatives.getFirst() : String.join("|", alternatives);
    }
    if (declared.isTextual()) {
      name = declared.asText();
    } else if (declared.isArray()) {
      List<String> names = new ArrayList<>();
      declared.forEach(t -> names.add(t.asText()));
      names.remove("null");
      name = names.size() == 1 ? names.getFirst() : String.join("|", names);
    } else if (type.has("properties")) {
      name = "object";
    } else if (type.has("enum")) {
      name = "enum";
    } else {
      name = "any";
    }
    if (name.equals("array") && type.path("items").isObject()) {
      return "array<" + jsonType(root, resolve(root, type.get("items")), depth + 1) + ">";
    }
    return type.path("format").isTextual() ? name + "(" + type.get("format").asText() + ")" : name;
  }

  /** The distinct types of the {@code anyOf}/{@code oneOf} branches that are not just null. */
  private static List<String> alternatives(JsonNode root, JsonNode type, int depth) {
    List<String> types = new ArrayList<>();
    if (depth > MAX_DEPTH) {
      return types;
    }
    for (String combiner : List.of("anyOf", "oneOf")) {
      for (JsonNode branch : type.path(combiner)) {
        JsonNode resolved = resolve(root, branch);
        boolean onlyNull =
            resolved.path("type").asText().equals("null")
                || resolved.has("const") && resolved.get("const").isNull();
        String name = onlyNull ? null : jsonType(root, resolved, depth + 1);
        if (name != null && !types.contains(name)) {
          types.add(name);
        }
      }
    }
    return types;
  }

  /**
   * Whether null is a valid value: {@code "type": [..., "null"]}, {@code "const": null}, an untyped
   * {@code enum} holding null, or an {@code anyOf}/{@code oneOf} branch that allows null (the usual
   * spelling of an optional reference, {@code anyOf: [{$ref}, {type: null}]}).
   */
  private static boolean jsonNullable(JsonNode root, JsonNode type, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    JsonNode declared = type.path("type");
    if (declared.isArray()) {
      for (JsonNode t : declared) {
        if (t.asText().equals("null")) {
          return true;
        }
      }
    }
    if (declared.asText().equals("null") || type.has("const") && type.get("const").isNull()) {
      return true;
    }
    if (declared.isMissingNode() && type.path("enum").isArray()) {
      for (JsonNode value : type.get("enum")) {
        if (value.isNull()) {
          return true;
        }
      }
    }
    for (String combiner : List.of("anyOf", "oneOf")) {
      for (JsonNode branch : type.path(combiner)) {
        if (jsonNullable(root, resolve(root, branch), depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }
}
