package dev.schemagate.webhooks.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.webhooks.resources.SpecReader.InvalidSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the webhook reads from a DataSchema: read from the raw object the API server sends, so that
 * an unexpected value is reported with its path rather than lost in a binding error.
 *
 * @param inline the schema text when given inline ({@code spec.schema})
 * @param configMap the ConfigMap name and key when given as {@code spec.schemaFrom.configMapKeyRef}
 */
record DataSchemaSpec(
    String subject,
    SchemaFormat format,
    Optional<String> inline,
    Optional<ConfigMapKey> configMap,
    CompatibilityLevel compatibility,
    List<SchemaReference> references) {

  record ConfigMapKey(String name, String key) {}

  static DataSchemaSpec read(JsonNode object) throws InvalidSpec {
    JsonNode spec = SpecReader.spec(object);
    if (spec.path("subject").isTextual() && spec.path("subject").asText().isBlank()) {
      // Only an absent (or null) subject defaults to metadata.name (SPEC.md); a blank one is a
      // mistake that would otherwise silently become another subject.
      throw new InvalidSpec(
          "spec.subject: must not be blank; omit it to use metadata.name as the subject");
    }
    String subject =
        SpecReader.text(spec, "subject", "spec.subject").orElse(SpecReader.name(object));
    if (subject.isBlank()) {
      throw new InvalidSpec("spec.subject: is required when metadata.name is empty");
    }
    String formatText =
        SpecReader.text(spec, "format", "spec.format")
            .orElseThrow(() -> new InvalidSpec("spec.format: is required (AVRO or JSON)"));
    SchemaFormat format =
        Arrays.stream(SchemaFormat.values())
            .filter(f -> f.name().equalsIgnoreCase(formatText))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidSpec(
                        "spec.format: unknown format '%s' (AVRO or JSON)".formatted(formatText)));
    Optional<String> inline = SpecReader.text(spec, "schema", "spec.schema");
    Optional<ConfigMapKey> configMap = configMap(spec);
    if (inline.isPresent() == configMap.isPresent()) {
      throw new InvalidSpec(
          "spec: give the schema either inline (spec.schema) or as"
              + " spec.schemaFrom.configMapKeyRef, exactly one of them");
    }
    String levelText =
        SpecReader.text(spec, "compatibility", "spec.compatibility").orElse("BACKWARD");
    CompatibilityLevel level =
        CompatibilityLevel.parse(levelText)
            .orElseThrow(
                () ->
                    new InvalidSpec(
                        "spec.compatibility: unknown level '%s' (one of %s)"
                            .formatted(levelText, Arrays.toString(CompatibilityLevel.values()))));
    return new DataSchemaSpec(
        subject, format, inline, configMap, level, references(spec.path("references")));
  }

  private static Optional<ConfigMapKey> configMap(JsonNode spec) throws InvalidSpec {
    JsonNode ref = spec.path("schemaFrom").path("configMapKeyRef");
    if (ref.isMissingNode() || ref.isNull()) {
      return Optional.empty();
    }
    String path = "spec.schemaFrom.configMapKeyRef";
    return Optional.of(
        new ConfigMapKey(
            SpecReader.text(ref, "name", path + ".name")
                .orElseThrow(() -> new InvalidSpec(path + ".name: is required")),
            SpecReader.text(ref, "key", path + ".key")
                .orElseThrow(() -> new InvalidSpec(path + ".key: is required"))));
  }

  private static List<SchemaReference> references(JsonNode list) throws InvalidSpec {
    if (list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new InvalidSpec("spec.references: must be a list");
    }
    List<SchemaReference> references = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "spec.references[" + i + "]";
      JsonNode ref = list.get(i);
      String name =
          SpecReader.text(ref, "name", path + ".name")
              .orElseThrow(() -> new InvalidSpec(path + ".name: is required"));
      String subject =
          SpecReader.text(ref, "subject", path + ".subject")
              .orElseThrow(() -> new InvalidSpec(path + ".subject: is required"));
      JsonNode version = ref.path("version");
      if (!version.canConvertToInt() || !version.isIntegralNumber() || version.asInt() < 1) {
        throw new InvalidSpec(path + ".version: must be a version number, 1 or more");
      }
      references.add(new SchemaReference(name, subject, version.asInt()));
    }
    return references;
  }
}
