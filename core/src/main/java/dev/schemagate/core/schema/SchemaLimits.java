package dev.schemagate.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bounds a schema must stay within before any library works on it, checked in one linear pass
 * over the JSON tree: Apache Avro's parser and its compatibility check take time that grows with
 * the square (or worse) of a chain of nested named types, so a hostile schema is refused here, in
 * milliseconds, naming the limit ({@link SchemaLimitException}), instead of holding a thread for
 * minutes. The bounds sit far above real schemas.
 */
public final class SchemaLimits {
  /** JSON nesting of a schema document (objects and arrays). */
  public static final int MAX_DEPTH = 256;

  /** JSON values in a schema document. */
  public static final int MAX_NODES = 200_000;

  /** Avro types nested in one another (records, arrays, maps), named references included. */
  public static final int MAX_AVRO_NESTING = 64;

  /** Branches of one Avro union. */
  public static final int MAX_UNION_BRANCHES = 1_000;

  private static final Set<String> PRIMITIVES =
      Set.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");

  private SchemaLimits() {}

  /** Depth and size of any schema document. */
  public static void checkDocument(JsonNode root, String what) {
    record At(JsonNode node, int depth) {}
    Deque<At> pending = new ArrayDeque<>();
    pending.push(new At(root, 1));
    int nodes = 0;
    while (!pending.isEmpty()) {
      At at = pending.pop();
      if (++nodes > MAX_NODES) {
        throw new SchemaLimitException(
            "schema-nodes",
            "%s has more than %,d JSON values (limit schema-nodes): split it into referenced schemas"
                .formatted(what, MAX_NODES));
      }
      if (at.depth() > MAX_DEPTH) {
        throw new SchemaLimitException(
            "schema-depth",
            "%s nests objects and arrays more than %d deep (limit schema-depth)"
                .formatted(what, MAX_DEPTH));
      }
      for (JsonNode child : at.node()) {
        pending.push(new At(child, at.depth() + 1));
      }
    }
  }

  /** Avro: how deep types nest (following named references) and how wide unions are. */
  public static void checkAvro(JsonNode root, String what) {
    new AvroNesting(what).depth(root, "");
  }

  /** One pass; a named type's depth is kept, so a reference to it costs nothing more. */
  private static final class AvroNesting {
    private final String what;
    private final Map<String, Integer> named = new HashMap<>();

    AvroNesting(String what) {
      this.what = what;
    }

    int depth(JsonNode type, String namespace) {
      if (type.isTextual()) {
        String name = type.asText();
        if (PRIMITIVES.contains(name)) {
          return 0;
        }
        Integer known = named.get(name.contains(".") ? name : qualified(namespace, name));
        return known != null ? known : named.getOrDefault(simple(name), 0);
      }
      if (type.isArray()) {
        if (type.size() > MAX_UNION_BRANCHES) {
          throw new SchemaLimitException(
              "avro-union-branches",
              "%s has a union of %,d branches (limit avro-union-branches: %,d)"
                  .formatted(what, type.size(), MAX_UNION_BRANCHES));
        }
        int deepest = 0;
        for (JsonNode branch : type) {
          deepest = Math.max(deepest, depth(branch, namespace));
        }
        return deepest;
      }
      if (!type.isObject()) {
        return 0;
      }
      String kind = type.path("type").isTextual() ? type.path("type").asText() : "";
      int depth =
          switch (kind) {
            case "record", "error" -> record(type, namespace);
            case "array" -> 1 + depth(type.path("items"), namespace);
            case "map" -> 1 + depth(type.path("values"), namespace);
            case "enum", "fixed" -> {
              define(type, namespace, 1);
              yield 1;
            }
            default -> depth(type.path("type"), namespace);
          };
      if (depth > MAX_AVRO_NESTING) {
        throw new SchemaLimitException(
            "avro-depth",
            ("%s nests records, arrays and maps more than %d deep (limit avro-depth)%s: flatten"
                    + " it, or split it into schema references")
                .formatted(
                    what,
                    MAX_AVRO_NESTING,
                    type.has("name") ? " at " + type.path("name").asText() : ""));
      }
      return depth;
    }

    private int record(JsonNode record, String outer) {
      String namespace = namespaceOf(record, outer);
      define(record, outer, 0); // a recursive reference adds no depth
      int deepest = 0;
      for (JsonNode field : record.path("fields")) {
        deepest = Math.max(deepest, depth(field.path("type"), namespace));
      }
      define(record, outer, deepest + 1);
      return deepest + 1;
    }

    private void define(JsonNode type, String outer, int depth) {
      String name = type.path("name").asText("");
      if (!name.isEmpty()) {
        named.put(name.contains(".") ? name : qualified(namespaceOf(type, outer), name), depth);
        named.put(simple(name), depth);
      }
    }

    private static String namespaceOf(JsonNode type, String outer) {
      String name = type.path("name").asText("");
      if (name.contains(".")) {
        return name.substring(0, name.lastIndexOf('.'));
      }
      return type.path("namespace").isTextual() ? type.path("namespace").asText() : outer;
    }

    private static String qualified(String namespace, String name) {
      return namespace.isEmpty() ? name : namespace + "." + name;
    }

    private static String simple(String name) {
      return name.substring(name.lastIndexOf('.') + 1);
    }
  }
}
