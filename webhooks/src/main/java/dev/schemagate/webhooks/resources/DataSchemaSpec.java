package dev.schemagate.webhooks.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.crds.v1alpha1.ConfigMapKeyRef;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.SchemaReferenceSpec;
import dev.schemagate.crds.v1alpha1.SchemaSource;
import dev.schemagate.webhooks.resources.SpecReader.InvalidSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the webhook reads from a DataSchema: the object the API server sends, bound to the {@code
 * crds} model ({@link ModelReader}, which names the path of a value of the wrong shape), then
 * checked for what the CRD's schema cannot say (defaulting, one schema source).
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
    SpecReader.spec(object); // present and an object, or a clear complaint
    DataSchema resource = ModelReader.read(object, DataSchema.class);
    dev.schemagate.crds.v1alpha1.DataSchemaSpec spec = resource.getSpec();
    if (spec.getSubject() != null && spec.getSubject().isBlank()) {
      // Only an absent (or null) subject defaults to metadata.name (SPEC.md); a blank one is a
      // mistake that would otherwise silently become another subject.
      throw new InvalidSpec(
          "spec.subject: must not be blank; omit it to use metadata.name as the subject");
    }
    String subject = spec.getSubject() != null ? spec.getSubject() : SpecReader.name(object);
    if (subject.isBlank()) {
      throw new InvalidSpec("spec.subject: is required when metadata.name is empty");
    }
    if (spec.getFormat() == null) {
      throw new InvalidSpec("spec.format: is required (AVRO or JSON)");
    }
    SchemaFormat format = SchemaFormat.valueOf(spec.getFormat().name());
    Optional<String> inline = Optional.ofNullable(spec.getSchema()).filter(s -> !s.isBlank());
    Optional<ConfigMapKey> configMap = configMap(spec.getSchemaFrom());
    if (inline.isPresent() == configMap.isPresent()) {
      throw new InvalidSpec(
          "spec: give the schema either inline (spec.schema) or as"
              + " spec.schemaFrom.configMapKeyRef, exactly one of them");
    }
    CompatibilityLevel level =
        spec.getCompatibility() == null
            ? CompatibilityLevel.BACKWARD
            : CompatibilityLevel.valueOf(spec.getCompatibility().name());
    return new DataSchemaSpec(
        subject, format, inline, configMap, level, references(spec.getReferences()));
  }

  private static Optional<ConfigMapKey> configMap(SchemaSource source) throws InvalidSpec {
    if (source == null || source.configMapKeyRef() == null) {
      return Optional.empty();
    }
    String path = "spec.schemaFrom.configMapKeyRef";
    ConfigMapKeyRef ref = source.configMapKeyRef();
    if (ref.name() == null || ref.name().isBlank()) {
      throw new InvalidSpec(path + ".name: is required");
    }
    if (ref.key() == null || ref.key().isBlank()) {
      throw new InvalidSpec(path + ".key: is required");
    }
    return Optional.of(new ConfigMapKey(ref.name(), ref.key()));
  }

  private static List<SchemaReference> references(List<SchemaReferenceSpec> specs)
      throws InvalidSpec {
    if (specs == null) {
      return List.of();
    }
    List<SchemaReference> references = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      String path = "spec.references[" + i + "]";
      SchemaReferenceSpec ref = specs.get(i);
      if (ref == null || ref.name() == null || ref.name().isBlank()) {
        throw new InvalidSpec(path + ".name: is required");
      }
      if (ref.subject() == null || ref.subject().isBlank()) {
        throw new InvalidSpec(path + ".subject: is required");
      }
      if (ref.version() == null || ref.version() < 1) {
        throw new InvalidSpec(path + ".version: must be a version number, 1 or more");
      }
      references.add(new SchemaReference(ref.name(), ref.subject(), ref.version()));
    }
    return references;
  }
}
