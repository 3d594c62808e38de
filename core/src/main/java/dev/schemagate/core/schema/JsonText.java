package dev.schemagate.core.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Pattern;

/** Reads schema text as a JSON tree, turning syntax errors into messages with line and column. */
final class JsonText {
  /**
   * Strict on purpose: a duplicate key makes a schema ambiguous (which "default" wins?), and
   * trailing tokens mean the file is not the schema the author thinks it is.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .build();

  /** Jackson appends where an unclosed object began, with a redacted source: noise for a person. */
  private static final Pattern START_MARKER =
      Pattern.compile("\\s*\\(start marker at \\[Source:.*$");

  private JsonText() {}

  static JsonNode read(String text, String what) throws InvalidSchemaException {
    if (text == null || text.isBlank()) {
      throw new InvalidSchemaException(what + " is empty");
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new InvalidSchemaException(what + " is empty");
      }
      return node;
    } catch (StreamConstraintsException tooLarge) {
      // Jackson's own guard (nesting, number or string length): a limit, not a syntax error.
      throw new SchemaLimitException("schema-size", what + " is too large: " + describe(tooLarge));
    } catch (JsonProcessingException e) {
      throw new InvalidSchemaException(what + " is not valid JSON: " + describe(e), e);
    }
  }

  static String describe(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
    String firstLine =
        START_MARKER.matcher(original.lines().findFirst().orElse(original)).replaceAll("").strip();
    var location = e.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return firstLine;
    }
    return "line %d, column %d: %s"
        .formatted(location.getLineNr(), location.getColumnNr(), firstLine);
  }
}
