package dev.schemagate.cli.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads multi-document YAML into trees, keeping the line of every scalar. The tree is built from
 * the parser's tokens by hand because Jackson's trees forget locations.
 */
public final class YamlDocuments {
  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlDocuments() {}

  /** The non-empty documents of {@code text}; malformed YAML names {@code file} and the line. */
  public static List<YamlDocument> parse(String file, String text) {
    List<YamlDocument> documents = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        int line = parser.currentTokenLocation().getLineNr();
        Map<String, Integer> lines = new HashMap<>();
        Set<String> blocks = new HashSet<>();
        JsonNode root = read(parser, token, "", lines, blocks, text);
        if (root != null && !root.isNull() && !root.isMissingNode()) {
          documents.add(new YamlDocument(root, line, lines, blocks));
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr();
      throw new ManifestException(
          ManifestException.Reason.MALFORMED_YAML,
          "%s: malformed YAML%s: %s".formatted(file, where, firstLine(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new ManifestException(
          ManifestException.Reason.MALFORMED_YAML, file + ": cannot read YAML: " + e.getMessage());
    }
    return documents;
  }

  private static JsonNode read(
      JsonParser parser,
      JsonToken token,
      String pointer,
      Map<String, Integer> lines,
      Set<String> blocks,
      String text)
      throws IOException {
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          object.set(name, read(parser, value, pointer + "/" + escape(name), lines, blocks, text));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        JsonToken value;
        int index = 0;
        while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
          array.add(read(parser, value, pointer + "/" + index++, lines, blocks, text));
        }
        return array;
      }
      default -> {
        JsonLocation at = parser.currentTokenLocation();
        lines.put(pointer, at.getLineNr());
        long offset = at.getCharOffset();
        if (offset >= 0 && offset < text.length()) {
          char indicator = text.charAt((int) offset);
          if (indicator == '|' || indicator == '>') {
            blocks.add(pointer);
          }
        }
        return switch (token) {
          case VALUE_NULL -> NODES.nullNode();
          case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.textNode(parser.getText());
          default -> NODES.textNode(parser.getText());
        };
      }
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
  }
}
