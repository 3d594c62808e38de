package dev.schemagate.core.schema;

import dev.schemagate.core.format.Formats;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point for parsing: {@code Schemas.parser().parse(SchemaFormat.AVRO, text)}. Thread
 * safe; parsers hold no per-call state.
 */
public final class Schemas {
  private static final SchemaParser PARSER = new FormatDispatchingParser();

  private Schemas() {}

  public static SchemaParser parser() {
    return PARSER;
  }

  /** Shorthand for {@code parser().parse(format, text)}. */
  public static ParsedSchema parse(SchemaFormat format, String text) throws InvalidSchemaException {
    return PARSER.parse(format, text);
  }

  /** Finds the format's provider in {@link Formats}: no switch over formats here. */
  private static final class FormatDispatchingParser implements SchemaParser {
    @Override
    public ParsedSchema parse(SchemaFormat format, String text, Map<String, String> references)
        throws InvalidSchemaException {
      Objects.requireNonNull(format, "format");
      return Formats.of(format).parse(text, references == null ? Map.of() : references);
    }
  }
}
