package dev.schemagate.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Parses Avro with Apache Avro's parser (name and default validation on). Named types used by the
 * schema come from {@code references} (name to schema text), in any order.
 *
 * <p>Canonical form: Avro's full JSON form ({@link Schema#toString()}, which spells names and
 * namespaces one way and inlines referenced types) with object keys sorted, whitespace removed and
 * {@code aliases} sorted. Unlike Avro's Parsing Canonical Form it keeps defaults, logical types,
 * docs, aliases, field order and custom properties, because each of those changes what a reader
 * does or what a person is told: a doc-only edit is a new (patch) version, not the same schema.
 * Field, union-branch and enum-symbol order are kept: they are part of the binary encoding.
 */
public final class AvroSchemaParser {
  private static final CanonicalJson CANONICAL =
      new CanonicalJson(Set.of("aliases"), Set.of("default"));

  public AvroSchemaDoc parse(String text, Map<String, String> references)
      throws InvalidSchemaException {
    JsonNode tree = JsonText.read(text, "Avro schema"); // syntax errors with line and column
    SchemaLimits.checkDocument(tree, "the Avro schema");
    SchemaLimits.checkAvro(tree, "the Avro schema");
    for (Map.Entry<String, String> ref : references.entrySet()) {
      String what = "Avro reference '" + ref.getKey() + "'";
      JsonNode node = JsonText.read(ref.getValue(), what);
      SchemaLimits.checkDocument(node, what);
      SchemaLimits.checkAvro(node, what);
    }
    List<String> orderedReferences = resolutionOrder(references);
    Schema schema;
    try {
      Schema.Parser parser = newParserWith(orderedReferences);
      schema = parser.parse(text);
    } catch (RuntimeException e) {
      String problem = describe(e);
      String where = AvroErrorLocator.locate(problem, tree).map(p -> " (at " + p + ")").orElse("");
      throw new InvalidSchemaException("invalid Avro schema: " + problem + where, e);
    }
    String canonical = canonicalForm(schema);
    return new AvroSchemaDoc(text, schema, canonical, Fingerprint.of(canonical));
  }

  static String canonicalForm(Schema schema) {
    try {
      JsonNode full = JsonText.MAPPER.readTree(schema.toString());
      return CANONICAL.write(full);
    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException("Avro wrote JSON Jackson cannot read", impossible);
    }
  }

  /**
   * References may use each other's named types, and a map has no order: keep adding the ones that
   * parse given those already added until none is left (or none makes progress).
   */
  private static List<String> resolutionOrder(Map<String, String> references)
      throws InvalidSchemaException {
    Map<String, String> pending = new LinkedHashMap<>(references);
    List<String> ordered = new ArrayList<>();
    while (!pending.isEmpty()) {
      boolean progress = false;
      RuntimeException lastError = null;
      String lastName = null;
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, String> candidate = it.next();
        try {
          newParserWith(ordered).parse(candidate.getValue());
          ordered.add(candidate.getValue());
          it.remove();
          progress = true;
        } catch (RuntimeException e) {
          lastError = e;
          lastName = candidate.getKey();
        }
      }
      if (!progress) {
        throw new InvalidSchemaException(
            "invalid Avro reference '%s': %s".formatted(lastName, describe(lastError)), lastError);
      }
    }
    return ordered;
  }

  private static Schema.Parser newParserWith(List<String> referenceTexts) {
    Schema.Parser parser = new Schema.Parser();
    for (String reference : referenceTexts) {
      parser.parse(reference);
    }
    return parser;
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    String line = message.lines().findFirst().orElse(message).strip();
    // Avro quotes the whole offending schema; a person needs the start of it, not a page.
    return line.length() <= 240 ? line : line.substring(0, 237) + "...";
  }
}
