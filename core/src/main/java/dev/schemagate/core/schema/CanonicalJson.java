package dev.schemagate.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deterministic compact JSON: object keys sorted, no whitespace, numbers in one spelling ({@code
 * 1.0} and {@code 1} are the same JSON number). Array order is kept unless the caller names the
 * keys whose arrays are sets (e.g. JSON Schema's {@code required}), which are sorted and deduped.
 */
final class CanonicalJson {
  private final Set<String> setValuedKeys;
  private final Set<String> dataKeys;

  /**
   * @param setValuedKeys keys whose array value has no meaningful order
   * @param dataKeys keys whose value is instance data, not schema (defaults, constants): their
   *     arrays keep their order whatever their key names are
   */
  CanonicalJson(Set<String> setValuedKeys, Set<String> dataKeys) {
    this.setValuedKeys = setValuedKeys;
    this.dataKeys = dataKeys;
  }

  String write(JsonNode node) {
    StringBuilder out = new StringBuilder(256);
    write(node, true, out);
    return out.toString();
  }

  private void write(JsonNode node, boolean schemaContext, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, schemaContext, out);
      case ARRAY -> writeArray(elements(node, schemaContext), out);
      case NUMBER -> out.append(number(node));
      case STRING -> out.append(quote(node.textValue()));
      case BOOLEAN -> out.append(node.booleanValue());
      default -> out.append("null");
    }
  }

  private void writeObject(JsonNode node, boolean schemaContext, StringBuilder out) {
    TreeMap<String, JsonNode> sorted = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      sorted.put(e.getKey(), e.getValue());
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(quote(e.getKey())).append(':');
      String key = e.getKey();
      JsonNode value = e.getValue();
      boolean childIsSchema = schemaContext && !dataKeys.contains(key);
      if (childIsSchema && value.isArray() && setValuedKeys.contains(key)) {
        writeArray(sortedSet(value), out);
      } else {
        write(value, childIsSchema, out);
      }
    }
    out.append('}');
  }

  private List<String> elements(JsonNode array, boolean schemaContext) {
    List<String> items = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      StringBuilder one = new StringBuilder();
      write(item, schemaContext, one);
      items.add(one.toString());
    }
    return items;
  }

  private List<String> sortedSet(JsonNode array) {
    return elements(array, false).stream().distinct().sorted(Comparator.naturalOrder()).toList();
  }

  private static void writeArray(List<String> items, StringBuilder out) {
    out.append('[').append(String.join(",", items)).append(']');
  }

  static String number(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    BigDecimal value = node.decimalValue().stripTrailingZeros();
    return value.scale() <= 0 ? value.toBigIntegerExact().toString() : value.toPlainString();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append("\\u%04x".formatted((int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
