package dev.schemagate.cli.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.function.Function;

/** Renders a failing row for a report: the fields the rules read, as one JSON object. */
final class Samples {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Keeps a report readable when a row holds a large value. */
  static final int MAX_CHARS = 400;

  private Samples() {}

  static String render(Set<String> fields, Function<String, Object> values) {
    ObjectNode node = MAPPER.createObjectNode();
    for (String field : fields) {
      Object value = values.apply(field);
      if (value != Row.MISSING) {
        node.set(field, MAPPER.valueToTree(value));
      }
    }
    return clip(node.toString());
  }

  static String clip(String text) {
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…";
  }
}
