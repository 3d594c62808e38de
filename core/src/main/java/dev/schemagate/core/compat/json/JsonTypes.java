package dev.schemagate.core.compat.json;

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
      types.addAll(JsonKeyword.implied(key));
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
