package dev.schemagate.cli.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams JSON Lines with one parser over the whole input (or one part of it, see {@link
 * JsonLinesParts}), keeping only the top-level fields the rules read (others are skipped unparsed):
 * that is what makes a gigabyte take seconds. A wanted field is found by identity: Jackson interns
 * field names, so one {@code ==} per wanted field replaces a hash lookup per field of every line.
 * The first line that is not one JSON object stops the read with a {@link Malformed} naming its
 * line, counted from the start of this input.
 */
final class JsonLinesReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .enable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private JsonLinesReader() {}

  /** A line that is not one JSON object; {@code line} counts from the start of the input read. */
  static final class Malformed extends RuntimeException {
    final long line;

    Malformed(long line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  /**
   * Reads every record to {@code sink}; returns how many newlines the input held (where the next
   * part's lines start).
   */
  static long read(InputStream in, Set<String> fields, Consumer<Row> sink) {
    String[] names = fields.stream().map(String::intern).toArray(String[]::new);
    JsonRow row = new JsonRow(names);
    long recordLine = 0; // where the record being read starts: the line an error belongs to
    try (JsonParser parser = MAPPER.createParser(in)) {
      long previousEnd = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        long line = parser.currentTokenLocation().getLineNr();
        recordLine = line;
        if (token != JsonToken.START_OBJECT) {
          throw new Malformed(line, "expected a JSON object, found " + describe(token));
        }
        if (line == previousEnd) {
          throw new Malformed(line, "two JSON values on one line");
        }
        row.start(line);
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
          int slot = slot(names, parser.currentName());
          JsonToken value = parser.nextToken();
          if (slot >= 0) {
            row.values[slot] = value(parser, value);
          } else if (value.isStructStart()) {
            parser.skipChildren();
          }
        }
        previousEnd = parser.currentLocation().getLineNr();
        recordLine = 0;
        sink.accept(row);
      }
      return parser.currentLocation().getLineNr() - 1;
    } catch (JsonProcessingException e) {
      long line =
          recordLine > 0 ? recordLine : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new Malformed(line, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CheckException(CheckException.Reason.NOT_FOUND, "cannot read: " + e.getMessage());
    }
  }

  private static int slot(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) { // both interned: see the class comment
        return i;
      }
    }
    return -1;
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

  /** The current line's wanted fields, by slot; reused from line to line. */
  private static final class JsonRow implements Row {
    final String[] names;
    final Object[] values;
    long line;

    JsonRow(String[] names) {
      this.names = names;
      this.values = new Object[names.length];
    }

    void start(long line) {
      this.line = line;
      Arrays.fill(values, MISSING);
    }

    @Override
    public Object get(int slot) {
      return values[slot];
    }

    @Override
    public long line() {
      return line;
    }

    @Override
    public String render() {
      return Samples.render(names, this::get);
    }
  }
}
