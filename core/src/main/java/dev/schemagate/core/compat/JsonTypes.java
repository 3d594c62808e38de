package dev.schemagate.core.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The set of JSON types a schema admits, from {@code type} or, as Confluent does, its keywords. */
final class JsonTypes {
  enum JsonType {
    NULL,
    BOOLEAN,
    INTEGER,
    NUMBER,
    STRING,
    ARRAY,
    OBJECT
  }

  private static final Set<String> OBJECT_KEYWORDS =
      Set.of(
          "properties",
          "required",
          "additionalProperties",
          "patternProperties",
          "minProperties",
          "maxProperties",
          "propertyNames",
          "unevaluatedProperties",
          "dependentRequired",
          "dependentSchemas");
  private static final Set<String> ARRAY_KEYWORDS =
      Set.of(
          "items",
          "prefixItems",
          "additionalItems",
          "minItems",
          "maxItems",
          "uniqueItems",
          "contains",
          "unevaluatedItems");
  private static final Set<String> STRING_KEYWORDS = Set.of("minLength", "maxLength", "pattern");
  private static final Set<String> NUMBER_KEYWORDS =
      Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");

  private JsonTypes() {}

  static EnumSet<JsonType> of(JsonNode schema) {
    if (schema.isBoolean()) {
      return schema.booleanValue() ? EnumSet.allOf(JsonType.class) : EnumSet.noneOf(JsonType.class);
    }
    JsonNode type = schema.get("type");
    EnumSet<JsonType> types = EnumSet.noneOf(JsonType.class);
    if (type != null && type.isTextual()) {
      add(types, type.textValue());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> add(types, t.asText()));
    } else {
      return inferred(schema);
    }
    return types;
  }

  private static EnumSet<JsonType> inferred(JsonNode schema) {
    EnumSet<JsonType> types = EnumSet.noneOf(JsonType.class);
    for (var it = schema.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (OBJECT_KEYWORDS.contains(key)) {
        types.add(JsonType.OBJECT);
      } else if (ARRAY_KEYWORDS.contains(key)) {
        types.add(JsonType.ARRAY);
      } else if (STRING_KEYWORDS.contains(key)) {
        types.add(JsonType.STRING);
      } else if (NUMBER_KEYWORDS.contains(key)) {
        types.add(JsonType.NUMBER);
        types.add(JsonType.INTEGER);
      }
    }
    return types.isEmpty() ? EnumSet.allOf(JsonType.class) : types;
  }

  private static void add(EnumSet<JsonType> types, String name) {
    try {
      JsonType type = JsonType.valueOf(name.toUpperCase(Locale.ROOT));
      types.add(type);
      if (type == JsonType.NUMBER) {
        types.add(JsonType.INTEGER); // every integer is a number
      }
    } catch (IllegalArgumentException unknown) {
      // the metaschema refused unknown type names at parse time
    }
  }

  static String describe(Set<JsonType> types) {
    if (types.size() == JsonType.values().length) {
      return "any";
    }
    return types.stream()
        .filter(t -> !(t == JsonType.INTEGER && types.contains(JsonType.NUMBER)))
        .map(t -> t.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("|"));
  }
}
