package dev.schemagate.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Parses JSON Schema (drafts 7, 2019-09 and 2020-12, chosen by {@code $schema}; draft 7 when
 * absent, as Confluent does) and validates the document against its draft's metaschema with
 * networknt's validator, so a misspelt {@code "type": "strng"} is refused at the path where it is.
 *
 * <p>Canonical form: object keys sorted, whitespace removed, numbers in one spelling, and the
 * keyword arrays that are sets ({@code required}, {@code type}, {@code enum}) sorted and deduped.
 * {@code title}, {@code description} and every other keyword are kept: a description edit is a new
 * (patch) version. Values of {@code default}, {@code const} and {@code examples} are data, so their
 * arrays keep their order. With references, each referenced document's canonical form follows the
 * schema's, by name, so the fingerprint addresses the whole content.
 */
public final class JsonSchemaParser {
  private static final CanonicalJson CANONICAL =
      new CanonicalJson(Set.of("required", "type", "enum"), Set.of("default", "const", "examples"));

  /** Metaschemas are immutable and costly to load: one per draft for the process. */
  private static final Map<JsonSchemaDraft, JsonSchema> METASCHEMAS = loadMetaschemas();

  public JsonSchemaDoc parse(String text, Map<String, String> references)
      throws InvalidSchemaException {
    JsonNode root = JsonText.read(text, "JSON Schema");
    SchemaLimits.checkDocument(root, "the JSON Schema");
    JsonSchemaDraft draft = validate(root, "JSON Schema");
    Map<String, JsonNode> referenced = new TreeMap<>();
    for (Map.Entry<String, String> ref : references.entrySet()) {
      String what = "JSON Schema reference '" + ref.getKey() + "'";
      JsonNode node = JsonText.read(ref.getValue(), what);
      SchemaLimits.checkDocument(node, what);
      validate(node, what);
      referenced.put(ref.getKey(), node);
    }
    JsonRefCheck.check(root, referenced, "JSON Schema");
    for (Map.Entry<String, JsonNode> ref : referenced.entrySet()) {
      JsonRefCheck.check(
          ref.getValue(), referenced, "JSON Schema reference '" + ref.getKey() + "'");
    }
    String canonical = canonicalForm(root, referenced);
    return new JsonSchemaDoc(text, root, draft, referenced, canonical, Fingerprint.of(canonical));
  }

  private static String canonicalForm(JsonNode root, Map<String, JsonNode> references) {
    StringBuilder out = new StringBuilder(CANONICAL.write(root));
    references.forEach(
        (name, node) ->
            out.append('\n')
                .append(CanonicalJson.quote(name))
                .append(':')
                .append(CANONICAL.write(node)));
    return out.toString();
  }

  private static JsonSchemaDraft validate(JsonNode node, String what)
      throws InvalidSchemaException {
    if (node.isBoolean()) {
      return JsonSchemaDraft.DEFAULT;
    }
    if (!node.isObject()) {
      throw new InvalidSchemaException(
          what
              + " must be a JSON object or a boolean, not "
              + node.getNodeType().name().toLowerCase());
    }
    JsonSchemaDraft draft = draftOf(node, what);
    Set<ValidationMessage> problems = METASCHEMAS.get(draft).validate(node);
    if (!problems.isEmpty()) {
      String listed =
          problems.stream()
              .sorted(Comparator.comparing(m -> m.getInstanceLocation().toString()))
              .map(JsonSchemaParser::describe)
              .distinct()
              .limit(5)
              .collect(Collectors.joining("; "));
      throw new InvalidSchemaException(
          "%s is not a valid %s schema: %s".formatted(what, label(draft), listed));
    }
    return draft;
  }

  private static JsonSchemaDraft draftOf(JsonNode node, String what) throws InvalidSchemaException {
    JsonNode declared = node.get("$schema");
    if (declared == null) {
      return JsonSchemaDraft.DEFAULT;
    }
    if (!declared.isTextual()) {
      throw new InvalidSchemaException(what + ": at /$schema: must be a string");
    }
    return JsonSchemaDraft.fromSchemaKeyword(declared.textValue())
        .orElseThrow(
            () ->
                new InvalidSchemaException(
                    "%s: at /$schema: unsupported draft '%s' (supported: draft-07, 2019-09, 2020-12)"
                        .formatted(what, declared.textValue())));
  }

  /** networknt's messages start with "$.a.b: "; we show JSON-pointer paths, as everywhere else. */
  private static String describe(ValidationMessage m) {
    String pointer = m.getInstanceLocation().toString().replaceFirst("^\\$", "").replace('.', '/');
    String path = pointer.isEmpty() ? "/" : pointer;
    String message = m.getMessage();
    int colon = message.indexOf(": ");
    String text = colon >= 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
    return "at " + path + ": " + text;
  }

  private static String label(JsonSchemaDraft draft) {
    return switch (draft) {
      case DRAFT_7 -> "draft-07";
      case DRAFT_2019_09 -> "draft 2019-09";
      case DRAFT_2020_12 -> "draft 2020-12";
    };
  }

  private static Map<JsonSchemaDraft, JsonSchema> loadMetaschemas() {
    Map<JsonSchemaDraft, JsonSchema> schemas = new EnumMap<>(JsonSchemaDraft.class);
    for (JsonSchemaDraft draft : JsonSchemaDraft.values()) {
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(draft.versionFlag());
      schemas.put(draft, factory.getSchema(SchemaLocation.of(draft.metaSchemaId())));
    }
    return schemas;
  }
}
