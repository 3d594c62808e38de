package dev.schemagate.cli.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.IntFunction;

/** Renders a failing row for a report: the fields the rules read, as one JSON object. */
final class Samples {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Keeps a report readable when a row holds a large value. */
  static final int MAX_CHARS = 400;

  private Samples() {}

  static String render(String[] fields, IntFunction<Object> values) {
    ObjectNode node = MAPPER.createObjectNode();
    for (int slot = 0; slot < fields.length; slot++) {
      String field = fields[slot];
      Object value = values.apply(slot);
      if (value instanceof java.time.temporal.Temporal) {
        node.put(field, value.toString()); // Parquet's Instant and LocalDate, as ISO-8601
      } else if (value instanceof java.math.BigDecimal decimal) {
        node.set(field, DecimalNode.valueOf(decimal)); // as written (5000.00), never 5E+3
      } else if (value != Row.MISSING) {
        node.set(field, MAPPER.valueToTree(value));
      }
    }
    return clip(node.toString());
  }

  static String clip(String text) {
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…";
  }
}
