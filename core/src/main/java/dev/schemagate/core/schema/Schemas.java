package dev.schemagate.core.schema;

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

  private static final class FormatDispatchingParser implements SchemaParser {
    private final AvroSchemaParser avro = new AvroSchemaParser();
    private final JsonSchemaParser json = new JsonSchemaParser();

    @Override
    public ParsedSchema parse(SchemaFormat format, String text, Map<String, String> references)
        throws InvalidSchemaException {
      Objects.requireNonNull(format, "format");
      Map<String, String> refs = references == null ? Map.of() : references;
      return switch (format) {
        case AVRO -> avro.parse(text, refs);
        case JSON -> json.parse(text, refs);
      };
    }
  }
}
