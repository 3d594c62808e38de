package dev.schemagate.cli.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.schemagate.cli.manifest.SchemaManifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the line of the field a change is about, in the file that holds the schema text. Change
 * paths name Avro fields by name ({@code /fields/amount/type}) and JSON Schema properties by key
 * ({@code /properties/email/maxLength}); the schema's JSON is walked with the parser's token
 * locations to the deepest element the path reaches.
 */
final class FieldLines {
  private static final JsonFactory JSON = new JsonFactory();

  /** A JSON value: its line, and children by key (objects) or by position (arrays). */
  private record Node(int line, Map<String, Node> members, List<Node> items, String text) {}

  private FieldLines() {}

  /** The line in {@code schema.textFile()} for {@code path}; the text's first line if unknown. */
  static int line(SchemaManifest schema, String path) {
    Node root;
    try (JsonParser parser = JSON.createParser(schema.text())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return schema.textLine();
      }
      root = read(parser, first);
    } catch (IOException e) {
      return schema.textLine();
    }
    Node at = root;
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      Node next = step(at, segment.replace("~1", "/").replace("~0", "~"));
      if (next == null) {
        break;
      }
      at = next;
    }
    return schema.textLine() + at.line() - 1;
  }

  /** A key of an object; in an Avro {@code fields} array, the field with that name. */
  private static Node step(Node at, String segment) {
    if (at.members() != null) {
      Node member = at.members().get(segment);
      if (member != null) {
        return member;
      }
      // Avro nests named types under "type": /fields/address/fields/street
      Node type = at.members().get("type");
      return type == null ? null : step(type, segment);
    }
    if (at.items() != null) {
      for (Node item : at.items()) {
        if (item.members() != null) {
          Node name = item.members().get("name");
          if (name != null && segment.equals(name.text())) {
            return item;
          }
        }
      }
      if (segment.chars().allMatch(Character::isDigit) && segment.length() < 6) {
        int index = Integer.parseInt(segment);
        return index < at.items().size() ? at.items().get(index) : null;
      }
      // a union such as ["null", {record}]: look inside its members
      for (Node item : at.items()) {
        Node inside = item.members() == null ? null : step(item, segment);
        if (inside != null) {
          return inside;
        }
      }
    }
    return null;
  }

  private static Node read(JsonParser parser, JsonToken token) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Node> members = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        int keyLine = parser.currentTokenLocation().getLineNr();
        Node value = read(parser, parser.nextToken());
        // point at the key's line: that is where a reviewer looks for the field
        members.put(name, new Node(keyLine, value.members(), value.items(), value.text()));
      }
      return new Node(line, members, null, null);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      JsonToken next;
      while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
        items.add(read(parser, next));
      }
      return new Node(line, null, items, null);
    }
    return new Node(line, null, null, parser.getText());
  }
}
