package dev.schemagate.core.format;

import dev.schemagate.core.compat.PairwiseChecker;
import dev.schemagate.core.compat.avro.AvroPairwiseChecker;
import dev.schemagate.core.compat.json.JsonPairwiseChecker;
import dev.schemagate.core.contract.AvroFields;
import dev.schemagate.core.contract.JsonFields;
import dev.schemagate.core.contract.SchemaField;
import dev.schemagate.core.schema.AvroSchemaDoc;
import dev.schemagate.core.schema.AvroSchemaParser;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.JsonSchemaDoc;
import dev.schemagate.core.schema.JsonSchemaParser;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of format providers: each {@link SchemaFormat} maps to exactly one provider,
 * registered here once. Parsing ({@code Schemas}), compatibility ({@code Compatibility}) and field
 * listing ({@code SchemaFields}) all look their format up here instead of switching on it.
 */
public final class Formats {
  private static final Map<SchemaFormat, FormatProvider> PROVIDERS =
      register(
          new Provider(
              SchemaFormat.AVRO,
              new AvroSchemaParser()::parse,
              new AvroPairwiseChecker(),
              schema -> AvroFields.of((AvroSchemaDoc) schema)),
          new Provider(
              SchemaFormat.JSON,
              new JsonSchemaParser()::parse,
              new JsonPairwiseChecker(),
              schema -> JsonFields.of((JsonSchemaDoc) schema)));

  private Formats() {}

  /** The provider of {@code format}; every format has one (checked when this class loads). */
  public static FormatProvider of(SchemaFormat format) {
    return PROVIDERS.get(format);
  }

  /** Every provider, by format. */
  public static Map<SchemaFormat, FormatProvider> all() {
    return PROVIDERS;
  }

  private static Map<SchemaFormat, FormatProvider> register(FormatProvider... providers) {
    Map<SchemaFormat, FormatProvider> byFormat = new EnumMap<>(SchemaFormat.class);
    for (FormatProvider provider : providers) {
      if (byFormat.put(provider.format(), provider) != null) {
        throw new IllegalStateException("two providers for " + provider.format());
      }
    }
    List<SchemaFormat> missing =
        Arrays.stream(SchemaFormat.values()).filter(f -> !byFormat.containsKey(f)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("no format provider for " + missing);
    }
    return Collections.unmodifiableMap(byFormat);
  }

  /** A parser as a function: the text and its references in, the parsed schema out. */
  @FunctionalInterface
  private interface Parse {
    ParsedSchema parse(String text, Map<String, String> references) throws InvalidSchemaException;
  }

  /** The providers of the built-in formats, assembled from each format's parts. */
  private record Provider(
      SchemaFormat format,
      Parse parser,
      PairwiseChecker checker,
      Function<ParsedSchema, List<SchemaField>> lister)
      implements FormatProvider {
    @Override
    public ParsedSchema parse(String text, Map<String, String> references)
        throws InvalidSchemaException {
      return parser.parse(text, references);
    }

    @Override
    public List<SchemaField> fields(ParsedSchema schema) {
      return lister.apply(schema);
    }
  }
}
