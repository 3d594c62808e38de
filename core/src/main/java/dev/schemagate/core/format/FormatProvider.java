package dev.schemagate.core.format;

import dev.schemagate.core.compat.PairwiseChecker;
import dev.schemagate.core.contract.SchemaField;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import java.util.List;
import java.util.Map;

/**
 * Everything schemagate needs from one schema language, in one place (as Apicurio's artifact-type
 * providers): how to parse it, how to compare two versions, how to list its fields. Adding a format
 * is writing one of these and registering it in {@link Formats}.
 */
public interface FormatProvider {
  SchemaFormat format();

  /** Parses {@code text}; {@code references} maps a reference name to its schema text. */
  ParsedSchema parse(String text, Map<String, String> references) throws InvalidSchemaException;

  /** The pairwise diff the level logic ({@code compat.LevelChecker}) runs for this format. */
  PairwiseChecker checker();

  /** Every field of {@code schema} (one this provider parsed), parents before children. */
  List<SchemaField> fields(ParsedSchema schema);
}
