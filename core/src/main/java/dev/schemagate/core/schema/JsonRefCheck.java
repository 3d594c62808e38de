package dev.schemagate.core.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a {@code $ref} that points into a document we have ({@code #/definitions/x}, or {@code
 * name#/...} for a named reference) at something that is not there: a typo that would otherwise
 * make every later comparison silently wrong. Refs to documents we do not have (remote URLs,
 * anchors) are left alone.
 */
final class JsonRefCheck {
  private static final Set<String> DATA_KEYWORDS = Set.of("default", "const", "enum", "examples");

  private JsonRefCheck() {}

  static void check(JsonNode root, Map<String, JsonNode> references, String what)
      throws InvalidSchemaException {
    walk(root, "", root, references, what);
  }

  private static void walk(
      JsonNode node, String path, JsonNode root, Map<String, JsonNode> references, String what)
      throws InvalidSchemaException {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, root, references, what);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      String at = path + "/" + key.replace("~", "~0").replace("/", "~1");
      if ("$ref".equals(key) && value.isTextual()) {
        verify(value.textValue(), at, root, references, what);
      } else if (!DATA_KEYWORDS.contains(key)) {
        walk(value, at, root, references, what);
      }
    }
  }

  private static void verify(
      String ref, String at, JsonNode root, Map<String, JsonNode> references, String what)
      throws InvalidSchemaException {
    int hash = ref.indexOf('#');
    String base = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    JsonNode document = base.isEmpty() ? root : references.get(base);
    if (document == null || !fragment.startsWith("/")) {
      return;
    }
    boolean found;
    try {
      found =
          !document
              .at(JsonPointer.compile(URLDecoder.decode(fragment, StandardCharsets.UTF_8)))
              .isMissingNode();
    } catch (IllegalArgumentException malformed) {
      found = false;
    }
    if (!found) {
      throw new InvalidSchemaException(
          "%s: at %s: '%s' does not resolve to anything in %s"
              .formatted(what, at, ref, base.isEmpty() ? "the document" : "'" + base + "'"));
    }
  }
}
