package dev.schemagate.core.compat.json;

import dev.schemagate.core.compat.Directions;
import dev.schemagate.core.compat.Finding;
import dev.schemagate.core.compat.PairwiseChecker;
import dev.schemagate.core.schema.JsonSchemaDoc;
import dev.schemagate.core.schema.ParsedSchema;
import java.util.List;

/** JSON Schema: the structural diff, which establishes both directions in one pass. */
public final class JsonPairwiseChecker implements PairwiseChecker {
  @Override
  public List<Finding> compare(ParsedSchema older, ParsedSchema newer, Directions directions) {
    var oldRefs = new JsonRefs((JsonSchemaDoc) older);
    var newRefs = new JsonRefs((JsonSchemaDoc) newer);
    return new JsonSchemaDiff(oldRefs, newRefs).diff();
  }
}
