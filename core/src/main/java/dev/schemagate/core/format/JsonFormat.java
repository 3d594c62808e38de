package dev.schemagate.core.format;

import dev.schemagate.core.compat.PairwiseChecker;
import dev.schemagate.core.compat.json.JsonPairwiseChecker;
import dev.schemagate.core.contract.JsonFields;
import dev.schemagate.core.contract.SchemaField;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.JsonSchemaDoc;
import dev.schemagate.core.schema.JsonSchemaParser;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import java.util.List;
import java.util.Map;

/** JSON Schema: validated against its draft's metaschema, structural diff, properties as fields. */
final class JsonFormat implements FormatProvider {
  private final JsonSchemaParser parser = new JsonSchemaParser();
  private final PairwiseChecker checker = new JsonPairwiseChecker();

  @Override
  public SchemaFormat format() {
    return SchemaFormat.JSON;
  }

  @Override
  public ParsedSchema parse(String text, Map<String, String> references)
      throws InvalidSchemaException {
    return parser.parse(text, references);
  }

  @Override
  public PairwiseChecker checker() {
    return checker;
  }

  @Override
  public List<SchemaField> fields(ParsedSchema schema) {
    return JsonFields.of((JsonSchemaDoc) schema);
  }
}
