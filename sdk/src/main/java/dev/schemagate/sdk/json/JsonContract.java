package dev.schemagate.sdk.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.SerdeException.Reason;
import dev.schemagate.sdk.SerdeException.Violation;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A JSON Schema compiled once for validating many records (networknt json-schema-validator):
 * required, types, enums, bounds, patterns, formats — with JSON-pointer paths in every violation.
 * Draft from {@code $schema}; draft-07 when absent, as Confluent assumes.
 */
final class JsonContract {
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();

  private final JsonSchema schema;
  private final Optional<String> title;

  private JsonContract(JsonSchema schema, Optional<String> title) {
    this.schema = schema;
    this.title = title;
  }

  static JsonContract parse(ObjectMapper mapper, String text, Integer id) {
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (Exception e) {
      throw new SerdeException(
          Reason.UNSUPPORTED_TYPE,
          "JSON Schema%s is not JSON: %s".formatted(label(id), e.getMessage()),
          null,
          id,
          e);
    }
    VersionFlag draft =
        SpecVersionDetector.detectOptionalVersion(node, false).orElse(VersionFlag.V7);
    try {
      JsonSchema compiled = JsonSchemaFactory.getInstance(draft).getSchema(node, CONFIG);
      compiled.initializeValidators();
      Optional<String> title =
          Optional.ofNullable(node.get("title")).filter(JsonNode::isTextual).map(JsonNode::asText);
      return new JsonContract(compiled, title);
    } catch (RuntimeException e) {
      throw new SerdeException(
          Reason.UNSUPPORTED_TYPE,
          "JSON Schema%s does not compile: %s".formatted(label(id), e.getMessage()),
          null,
          id,
          e);
    }
  }

  private static String label(Integer id) {
    return id == null ? "" : " id " + id;
  }

  /** The schema's {@code title}: the record name for the record subject strategies. */
  Optional<String> title() {
    return title;
  }

  /** Every violation, ordered by path. */
  List<Violation> violations(JsonNode value) {
    var messages = schema.validate(value);
    if (messages.isEmpty()) {
      return List.of();
    }
    return messages.stream()
        .map(JsonContract::toViolation)
        .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::rule))
        .toList();
  }

  private static Violation toViolation(ValidationMessage message) {
    String path = message.getInstanceLocation().toString();
    String text = message.getError() != null ? message.getError() : message.getMessage();
    String rule = message.getType();
    // "required" is reported on the parent; name the missing property in the path.
    if ("required".equals(rule) && message.getProperty() != null) {
      path = path + "/" + message.getProperty();
    }
    return new Violation(path, rule, text);
  }

  /** One exception naming the first violations (all of them, up to five). */
  static SerdeException refusal(String what, int id, List<Violation> violations) {
    var shown = violations.subList(0, Math.min(5, violations.size()));
    String more = violations.size() > 5 ? " and %d more".formatted(violations.size() - 5) : "";
    return new SerdeException(
        Reason.INVALID_RECORD,
        "%s breaks JSON Schema id %d: %s%s"
            .formatted(
                what,
                id,
                String.join("; ", shown.stream().map(Violation::toString).toList()),
                more),
        violations.getFirst(),
        id,
        null);
  }
}
