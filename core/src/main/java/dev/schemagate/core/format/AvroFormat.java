package dev.schemagate.core.format;

import dev.schemagate.core.compat.PairwiseChecker;
import dev.schemagate.core.compat.avro.AvroPairwiseChecker;
import dev.schemagate.core.contract.AvroFields;
import dev.schemagate.core.contract.SchemaField;
import dev.schemagate.core.schema.AvroSchemaDoc;
import dev.schemagate.core.schema.AvroSchemaParser;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import java.util.List;
import java.util.Map;

/** Avro: Apache Avro's parser and resolution rules, record fields. */
final class AvroFormat implements FormatProvider {
  private final AvroSchemaParser parser = new AvroSchemaParser();
  private final PairwiseChecker checker = new AvroPairwiseChecker();

  @Override
  public SchemaFormat format() {
    return SchemaFormat.AVRO;
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
    return AvroFields.of((AvroSchemaDoc) schema);
  }
}
