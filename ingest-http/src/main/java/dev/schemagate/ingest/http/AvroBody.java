package dev.schemagate.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Checks a JSON request body against an Avro schema field by field, collecting every violation with
 * its JSON-pointer path, as JSON Schema validation does. The body is plain JSON (what an HTTP
 * client sends), not Avro's JSON encoding: a union takes its value directly ({@code "EUR"}, not
 * {@code {"string": "EUR"}}) and is satisfied by any branch; {@code bytes} and {@code fixed} are
 * strings (a decimal may also be a number). A field the body lacks is a violation unless the schema
 * gives it a default. Fields the schema does not know are let through: an Avro reader ignores them
 * too. (Avro's own JSON decoder stops at the first error and wants the tagged union form.)
 */
final class AvroBody {
  private AvroBody() {}

  static List<Violation> check(Schema schema, JsonNode body) {
    List<Violation> out = new ArrayList<>();
    check(schema, body, "", out);
    return out;
  }

  private static void check(Schema schema, JsonNode v, String path, List<Violation> out) {
    switch (schema.getType()) {
      case RECORD -> record(schema, v, path, out);
      case UNION -> union(schema, v, path, out);
      case ARRAY -> {
        if (!v.isArray()) {
          out.add(type(path, "an array", v));
          return;
        }
        for (int i = 0; i < v.size(); i++) {
          check(schema.getElementType(), v.get(i), path + "/" + i, out);
        }
      }
      case MAP -> {
        if (!v.isObject()) {
          out.add(type(path, "an object (map)", v));
          return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          check(schema.getValueType(), e.getValue(), path + "/" + escape(e.getKey()), out);
        }
      }
      case ENUM -> {
        if (!v.isTextual() || !schema.getEnumSymbols().contains(v.asText())) {
          out.add(
              new Violation(
                  path, "enum", "%s is not one of %s".formatted(v, schema.getEnumSymbols())));
        }
      }
      case STRING -> {
        if (!v.isTextual()) {
          out.add(type(path, "a string", v));
        }
      }
      case BYTES -> {
        boolean decimal = schema.getLogicalType() instanceof LogicalTypes.Decimal;
        if (!v.isTextual() && !(decimal && v.isNumber())) {
          out.add(type(path, decimal ? "a decimal number or string" : "a string (bytes)", v));
        }
      }
      case FIXED -> {
        if (!v.isTextual() || v.asText().length() != schema.getFixedSize()) {
          out.add(
              new Violation(
                  path,
                  "type",
                  "expected a string of %d characters (fixed %s), got %s"
                      .formatted(schema.getFixedSize(), schema.getName(), v)));
        }
      }
      case INT -> {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
          out.add(type(path, "a whole number (int)", v));
        }
      }
      case LONG -> {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
          out.add(type(path, "a whole number (long)", v));
        }
      }
      case FLOAT, DOUBLE -> {
        if (!v.isNumber()) {
          out.add(type(path, "a number", v));
        }
      }
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          out.add(type(path, "true or false", v));
        }
      }
      case NULL -> {
        if (!v.isNull()) {
          out.add(type(path, "null", v));
        }
      }
    }
  }

  private static void record(Schema schema, JsonNode v, String path, List<Violation> out) {
    if (!v.isObject()) {
      out.add(type(path, "an object (record " + schema.getName() + ")", v));
      return;
    }
    for (Schema.Field field : schema.getFields()) {
      String at = path + "/" + escape(field.name());
      JsonNode value = v.get(field.name());
      if (value == null) {
        if (!field.hasDefaultValue()) {
          out.add(
              new Violation(at, "required", "required property '" + field.name() + "' not found"));
        }
        continue;
      }
      check(field.schema(), value, at, out);
    }
  }

  /**
   * Any branch that fits is enough. When none fits and exactly one branch could hold an object or
   * array (a record, map or array), that branch's own violations are reported, so a nested mistake
   * is named where it is rather than as "not any of the union".
   */
  private static void union(Schema schema, JsonNode v, String path, List<Violation> out) {
    Schema structured = null;
    int structuredBranches = 0;
    for (Schema branch : schema.getTypes()) {
      List<Violation> attempt = new ArrayList<>();
      check(branch, v, path, attempt);
      if (attempt.isEmpty()) {
        return;
      }
      Schema.Type t = branch.getType();
      if (t == Schema.Type.RECORD || t == Schema.Type.MAP || t == Schema.Type.ARRAY) {
        structured = branch;
        structuredBranches++;
      }
    }
    if (structuredBranches == 1 && (v.isObject() || v.isArray())) {
      check(structured, v, path, out);
      return;
    }
    out.add(
        new Violation(
            path,
            "type",
            "%s fits none of %s"
                .formatted(v, schema.getTypes().stream().map(AvroBody::typeName).toList())));
  }

  private static String typeName(Schema s) {
    return s.getType() == Schema.Type.RECORD
            || s.getType() == Schema.Type.ENUM
            || s.getType() == Schema.Type.FIXED
        ? s.getName()
        : s.getType().getName();
  }

  private static Violation type(String path, String expected, JsonNode got) {
    String shown = got.toString();
    if (shown.length() > 80) {
      shown = shown.substring(0, 77) + "...";
    }
    return new Violation(path, "type", "expected " + expected + ", got " + shown);
  }

  /** RFC 6901: {@code ~} and {@code /} in a name. */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
