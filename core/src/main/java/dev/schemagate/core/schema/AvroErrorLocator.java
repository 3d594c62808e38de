package dev.schemagate.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Avro's parse errors name the offending token ("Undefined schema: strng") but not where it is.
 * This finds the token in the schema's JSON and says where, with fields by name: {@code
 * /fields/amount/type}.
 */
final class AvroErrorLocator {
  /** Messages whose token is a string value in the schema (a type name, a symbol, a name). */
  private static final List<Pattern> VALUE_TOKENS =
      List.of(
          Pattern.compile("^Undefined schema: (\\S+)"),
          Pattern.compile("^Undefined name: \"?([^\"\\s]+)\"?"),
          Pattern.compile("^Illegal initial character: (\\S+)"),
          Pattern.compile("^Illegal character in: (\\S+)"),
          Pattern.compile("^Duplicate enum symbol: (\\S+)"),
          Pattern.compile("^Can't redefine: (\\S+)"));

  /** Messages naming a field: the location is the field. */
  private static final List<Pattern> FIELD_TOKENS =
      List.of(
          Pattern.compile("^Invalid default for field (\\S+?):"),
          Pattern.compile("^Duplicate field (\\S+) in record"));

  private AvroErrorLocator() {}

  static Optional<String> locate(String message, JsonNode root) {
    for (Pattern pattern : FIELD_TOKENS) {
      Matcher m = pattern.matcher(message);
      if (m.find()) {
        return find(root, "", m.group(1), true);
      }
    }
    for (Pattern pattern : VALUE_TOKENS) {
      Matcher m = pattern.matcher(message);
      if (m.find()) {
        String token = m.group(1);
        Optional<String> exact = find(root, "", token, false);
        if (exact.isPresent()) {
          return exact;
        }
        // Avro reports full names; the schema may spell the short name
        int dot = token.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : find(root, "", token.substring(dot + 1), false);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> find(JsonNode node, String path, String token, boolean field) {
    if (node.isTextual()) {
      return !field && node.textValue().equals(token)
          ? Optional.of(path.isEmpty() ? "/" : path)
          : Optional.empty();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        String segment =
            path.endsWith("/fields") && item.path("name").isTextual()
                ? item.get("name").textValue()
                : Integer.toString(i);
        if (field && path.endsWith("/fields") && segment.equals(token)) {
          return Optional.of(path + "/" + segment);
        }
        Optional<String> found = find(item, path + "/" + segment, token, field);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    for (var entry : node.properties()) {
      if ("default".equals(entry.getKey()) || "doc".equals(entry.getKey())) {
        continue; // data and prose, not schema
      }
      Optional<String> found = find(entry.getValue(), path + "/" + entry.getKey(), token, field);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
