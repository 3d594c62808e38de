package dev.schemagate.core.compat.json;

import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.json.JsonTypes.JsonType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of the JSON Schema keywords the diff knows: what each one is (an annotation that
 * never changes what validates, a combinator, or a validation keyword) and which JSON type it
 * implies when {@code type} is absent (as Confluent infers it). A keyword missing here is reported
 * as {@link ChangeType#OTHER}.
 */
enum JsonKeyword {
  TITLE("title", Role.ANNOTATION),
  DESCRIPTION("description", Role.ANNOTATION),
  COMMENT("$comment", Role.ANNOTATION),
  EXAMPLES("examples", Role.ANNOTATION),
  DEPRECATED("deprecated", Role.ANNOTATION),
  READ_ONLY("readOnly", Role.ANNOTATION),
  WRITE_ONLY("writeOnly", Role.ANNOTATION),
  SCHEMA("$schema", Role.ANNOTATION),
  ID("$id", Role.ANNOTATION),
  DEFINITIONS("definitions", Role.ANNOTATION),
  DEFS("$defs", Role.ANNOTATION),
  DEFAULT("default", Role.ANNOTATION),
  FORMAT("format"),
  REF("$ref"),
  TYPE("type"),
  ENUM("enum"),
  CONST("const"),
  MAXIMUM("maximum", JsonType.NUMBER),
  EXCLUSIVE_MAXIMUM("exclusiveMaximum", JsonType.NUMBER),
  MINIMUM("minimum", JsonType.NUMBER),
  EXCLUSIVE_MINIMUM("exclusiveMinimum", JsonType.NUMBER),
  MULTIPLE_OF("multipleOf", JsonType.NUMBER),
  MAX_LENGTH("maxLength", JsonType.STRING),
  MIN_LENGTH("minLength", JsonType.STRING),
  PATTERN("pattern", JsonType.STRING),
  MAX_ITEMS("maxItems", JsonType.ARRAY),
  MIN_ITEMS("minItems", JsonType.ARRAY),
  UNIQUE_ITEMS("uniqueItems", JsonType.ARRAY),
  ITEMS("items", JsonType.ARRAY),
  PREFIX_ITEMS("prefixItems", JsonType.ARRAY),
  ADDITIONAL_ITEMS("additionalItems", JsonType.ARRAY),
  UNEVALUATED_ITEMS("unevaluatedItems", Role.UNCOMPARED, JsonType.ARRAY),
  CONTAINS("contains", JsonType.ARRAY),
  MIN_CONTAINS("minContains"),
  MAX_CONTAINS("maxContains"),
  MAX_PROPERTIES("maxProperties", JsonType.OBJECT),
  MIN_PROPERTIES("minProperties", JsonType.OBJECT),
  PROPERTIES("properties", JsonType.OBJECT),
  REQUIRED("required", JsonType.OBJECT),
  ADDITIONAL_PROPERTIES("additionalProperties", JsonType.OBJECT),
  UNEVALUATED_PROPERTIES("unevaluatedProperties", JsonType.OBJECT),
  PATTERN_PROPERTIES("patternProperties", JsonType.OBJECT),
  PROPERTY_NAMES("propertyNames", JsonType.OBJECT),
  DEPENDENCIES("dependencies"),
  DEPENDENT_REQUIRED("dependentRequired", JsonType.OBJECT),
  DEPENDENT_SCHEMAS("dependentSchemas", JsonType.OBJECT),
  IF("if"),
  THEN("then"),
  ELSE("else"),
  NOT("not"),
  ALL_OF("allOf", Role.COMBINATOR),
  ANY_OF("anyOf", Role.COMBINATOR),
  ONE_OF("oneOf", Role.COMBINATOR);

  enum Role {
    ANNOTATION,
    COMBINATOR,
    VALIDATION,
    /** Implies a type, but the diff does not compare it: a change is listed as OTHER. */
    UNCOMPARED
  }

  private static final Map<String, JsonKeyword> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(k -> k.wire, Function.identity()));

  /** Keywords that never change which documents validate. */
  static final Set<String> ANNOTATIONS = names(Role.ANNOTATION);

  /** allOf, anyOf, oneOf, in that order. */
  static final List<String> COMBINATORS =
      Arrays.stream(values()).filter(k -> k.role == Role.COMBINATOR).map(k -> k.wire).toList();

  private final String wire;
  private final Role role;
  private final JsonType implies;

  JsonKeyword(String wire, Role role) {
    this(wire, role, null);
  }

  JsonKeyword(String wire) {
    this(wire, Role.VALIDATION, null);
  }

  JsonKeyword(String wire, JsonType implies) {
    this(wire, Role.VALIDATION, implies);
  }

  JsonKeyword(String wire, Role role, JsonType implies) {
    this.wire = wire;
    this.role = role;
    this.implies = implies;
  }

  /** Whether some part of the diff compares (or deliberately ignores) this keyword. */
  static boolean isKnown(String name) {
    JsonKeyword keyword = BY_NAME.get(name);
    return keyword != null && keyword.role != Role.UNCOMPARED;
  }

  /** The JSON types a keyword implies when {@code type} is absent (none for most). */
  static Set<JsonType> implied(String name) {
    JsonKeyword keyword = BY_NAME.get(name);
    if (keyword == null || keyword.implies == null) {
      return Set.of();
    }
    return keyword.implies == JsonType.NUMBER
        ? EnumSet.of(JsonType.NUMBER, JsonType.INTEGER)
        : EnumSet.of(keyword.implies);
  }

  private static Set<String> names(Role role) {
    return Arrays.stream(values())
        .filter(k -> k.role == role)
        .map(k -> k.wire)
        .collect(Collectors.toUnmodifiableSet());
  }
}
