package dev.schemagate.cli.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams a JSON Lines file with one parser over the whole input, keeping only the top-level fields
 * the rules read (others are skipped unparsed into objects): that is what makes a gigabyte take
 * seconds. The first line that is not one JSON object stops the check, named by its number.
 */
final class JsonLinesReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonLinesReader() {}

  static void read(InputStream in, String name, Set<String> fields, Consumer<Row> sink) {
    JsonRow row = new JsonRow(fields);
    long[] recordLine = {0}; // where the record being read starts: the line an error belongs to
    try (JsonParser parser = FACTORY.createParser(in)) {
      long previousEnd = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        long line = parser.currentTokenLocation().getLineNr();
        recordLine[0] = line;
        if (token != JsonToken.START_OBJECT) {
          throw malformed(name, line, "expected a JSON object, found " + describe(token));
        }
        if (line == previousEnd) {
          throw malformed(name, line, "two JSON values on one line");
        }
        row.start(line);
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken value = parser.nextToken();
          if (fields.contains(field)) {
            row.values.put(field, value(parser, value));
          } else if (value.isStructStart()) {
            parser.skipChildren();
          }
        }
        previousEnd = parser.currentLocation().getLineNr();
        recordLine[0] = 0;
        sink.accept(row);
      }
    } catch (JsonProcessingException e) {
      long line =
          recordLine[0] > 0
              ? recordLine[0]
              : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw malformed(name, line, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CheckException(
          CheckException.Reason.NOT_FOUND, name + ": cannot read: " + e.getMessage());
    }
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT ->
          parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? parser.getDoubleValue()
              : parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      default -> MAPPER.readTree(parser); // an object or array, for nested rules and types
    };
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
    };
  }

  static CheckException malformed(String name, long line, String message) {
    return new CheckException(
        CheckException.Reason.MALFORMED_INPUT, name + ": line " + line + ": " + message);
  }

  /** The current line's wanted fields; reused from line to line. */
  private static final class JsonRow implements Row {
    final Map<String, Object> values = new HashMap<>();
    final Set<String> fields;
    long line;

    JsonRow(Set<String> fields) {
      this.fields = fields;
    }

    void start(long line) {
      this.line = line;
      values.clear();
    }

    @Override
    public Object get(String path) {
      return values.containsKey(path) ? values.get(path) : MISSING;
    }

    @Override
    public long line() {
      return line;
    }

    @Override
    public String render() {
      return "line " + line + ": " + Samples.render(fields, this::get);
    }
  }
}
