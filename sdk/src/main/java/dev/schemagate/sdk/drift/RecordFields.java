package dev.schemagate.sdk.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns a record into the values a {@link DriftMonitor} watches: nested objects (JSON) and records
 * (Avro) are flattened to dotted paths ({@code customer.address.country}), numbers become {@link
 * Double}, other scalars and enum symbols text, arrays and maps their text form (compared as
 * categories), and null stays null. JSON and Avro records of the same shape give the same paths and
 * values, so one contract's thresholds apply to both.
 */
final class RecordFields {
  /**
   * Deeper objects are kept whole as text: a path that deep is not a field anyone set limits on.
   */
  static final int MAX_DEPTH = 8;

  private RecordFields() {}

  static void json(JsonNode object, String prefix, int depth, Map<String, Object> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject() && depth < MAX_DEPTH) {
        json(v, path, depth + 1, out);
      } else if (v == null || v.isNull() || v.isMissingNode()) {
        out.put(path, null);
      } else if (v.isNumber()) {
        out.put(path, v.asDouble());
      } else {
        out.put(path, v.isValueNode() ? v.asText() : v.toString());
      }
    }
  }

  static void avro(GenericRecord record, String prefix, int depth, Map<String, Object> out) {
    for (Schema.Field field : record.getSchema().getFields()) {
      String path = prefix.isEmpty() ? field.name() : prefix + "." + field.name();
      Object v = record.get(field.pos());
      if (v instanceof GenericRecord nested && depth < MAX_DEPTH) {
        avro(nested, path, depth + 1, out);
      } else if (v == null) {
        out.put(path, null);
      } else if (v instanceof Number n) {
        out.put(path, n.doubleValue());
      } else {
        out.put(path, v.toString()); // Utf8, enum symbols, booleans, arrays, maps, fixed
      }
    }
  }
}
