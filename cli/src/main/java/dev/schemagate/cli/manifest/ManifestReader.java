package dev.schemagate.cli.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the YAML documents of one file into DataSchema and DataContract manifests; other kinds
 * (Deployments, ConfigMaps themselves, ...) are skipped. A DataSchema's ConfigMap is looked up in
 * the same file first, then through {@code elsewhere} (the files beside it).
 */
public final class ManifestReader {
  static final String API_GROUP = "schemagate.dev/";

  /** Finds, in the files beside a manifest, a ConfigMap or the DataSchema of a subject. */
  public interface ConfigMapLookup {
    Optional<Located> find(String namespace, String name);

    /** The DataSchema documents of the files beside, for references to other subjects. */
    default List<Located> dataSchemas() {
      return List.of();
    }
  }

  /** A document and the file it came from. */
  public record Located(String file, YamlDocument document) {}

  private ManifestReader() {}

  public static boolean isManifestFile(String path) {
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  public static List<SchemaManifest> schemas(
      String file, List<YamlDocument> documents, ConfigMapLookup elsewhere) {
    List<SchemaManifest> schemas = new ArrayList<>();
    for (YamlDocument document : documents) {
      if (isSchemagate(document, "DataSchema")) {
        schemas.add(schema(file, document, documents, elsewhere));
      }
    }
    return schemas;
  }

  public static List<ContractManifest> contracts(String file, List<YamlDocument> documents) {
    List<ContractManifest> contracts = new ArrayList<>();
    for (YamlDocument document : documents) {
      if (isSchemagate(document, "DataContract")) {
        contracts.add(
            new ContractManifest(file, document, document.namespace() + "/" + document.name()));
      }
    }
    return contracts;
  }

  /** The ConfigMap named {@code namespace/name} among these documents. */
  public static Optional<YamlDocument> configMap(
      List<YamlDocument> documents, String namespace, String name) {
    return documents.stream()
        .filter(
            d -> d.kind().equals("ConfigMap") && d.root().path("apiVersion").asText().equals("v1"))
        .filter(d -> d.name().equals(name) && d.namespace().equals(namespace))
        .findFirst();
  }

  public static boolean hasConfigMaps(List<YamlDocument> documents) {
    return documents.stream().anyMatch(d -> d.kind().equals("ConfigMap"));
  }

  private static boolean isSchemagate(YamlDocument document, String kind) {
    return document.kind().equals(kind)
        && document.root().path("apiVersion").asText().startsWith(API_GROUP);
  }

  private static SchemaManifest schema(
      String file, YamlDocument document, List<YamlDocument> sameFile, ConfigMapLookup elsewhere) {
    JsonNode spec = document.root().path("spec");
    String where = "%s: line %d: DataSchema %s".formatted(file, document.line(), document.name());
    String subject = spec.path("subject").asText(document.name());
    if (subject.isBlank()) {
      throw invalid(where + " has neither spec.subject nor metadata.name");
    }
    String formatText = spec.path("format").asText("");
    SchemaFormat format =
        SchemaFormat.fromConfluentType(formatText)
            .filter(f -> !formatText.isBlank())
            .orElseThrow(() -> invalid(where + ": spec.format must be AVRO or JSON"));
    String levelText = spec.path("compatibility").asText("BACKWARD");
    CompatibilityLevel level =
        CompatibilityLevel.parse(levelText)
            .orElseThrow(() -> invalid(where + ": unknown spec.compatibility '" + levelText + "'"));
    Optional<String> owner = Optional.ofNullable(spec.path("owner").path("team").textValue());
    Map<String, String> references = references(where, spec, sameFile, elsewhere);
    if (spec.path("schema").isTextual()) {
      return new SchemaManifest(
          file,
          document.line(),
          subject,
          format,
          level,
          spec.path("schema").asText(),
          file,
          document.textLine("/spec/schema"),
          Optional.empty(),
          owner,
          references);
    }
    JsonNode ref = spec.path("schemaFrom").path("configMapKeyRef");
    if (!ref.isObject()) {
      throw invalid(where + " has neither spec.schema nor spec.schemaFrom.configMapKeyRef");
    }
    String name = ref.path("name").asText("");
    String key = ref.path("key").asText("");
    String namespace = document.namespace();
    Located configMap =
        configMap(sameFile, namespace, name)
            .map(d -> new Located(file, d))
            .or(() -> elsewhere.find(namespace, name))
            .orElseThrow(
                () ->
                    new ManifestException(
                        ManifestException.Reason.MISSING_CONFIGMAP,
                        where
                            + " reads ConfigMap %s/%s, which is in neither this file nor the files beside it"
                                .formatted(namespace, name)));
    String pointer = "/data/" + key.replace("~", "~0").replace("/", "~1");
    JsonNode text = configMap.document().root().path("data").path(key);
    if (!text.isTextual()) {
      throw new ManifestException(
          ManifestException.Reason.MISSING_CONFIGMAP,
          "%s: ConfigMap %s/%s has no key '%s' (read by DataSchema %s)"
              .formatted(configMap.file(), namespace, name, key, document.name()));
    }
    return new SchemaManifest(
        file,
        document.line(),
        subject,
        format,
        level,
        text.asText(),
        configMap.file(),
        configMap.document().textLine(pointer),
        Optional.of("%s/%s:%s".formatted(namespace, name, key)),
        owner,
        references);
  }

  /**
   * Resolves {@code spec.references} to the text of each referenced subject's DataSchema in the
   * same file or the files beside it (the repository holds one version of a subject, so the
   * reference's version is not matched).
   */
  private static Map<String, String> references(
      String where, JsonNode spec, List<YamlDocument> sameFile, ConfigMapLookup elsewhere) {
    JsonNode references = spec.path("references");
    if (!references.isArray() || references.isEmpty()) {
      return Map.of();
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (JsonNode reference : references) {
      String name = reference.path("name").asText("");
      String subject = reference.path("subject").asText("");
      Optional<String> text =
          sameFile.stream()
              .map(d -> new Located("", d))
              .filter(l -> declares(l.document(), subject))
              .findFirst()
              .or(
                  () ->
                      elsewhere.dataSchemas().stream()
                          .filter(l -> declares(l.document(), subject))
                          .findFirst())
              .flatMap(l -> inlineText(l.document()));
      if (text.isEmpty()) {
        throw new ManifestException(
            ManifestException.Reason.MISSING_REFERENCE,
            "%s references subject %s (as %s), whose DataSchema with an inline schema is in neither this file nor the files beside it"
                .formatted(where, subject, name));
      }
      texts.put(name, text.get());
    }
    return texts;
  }

  private static boolean declares(YamlDocument document, String subject) {
    return isSchemagate(document, "DataSchema")
        && document.root().path("spec").path("subject").asText(document.name()).equals(subject);
  }

  private static Optional<String> inlineText(YamlDocument document) {
    return Optional.ofNullable(document.root().path("spec").path("schema").textValue());
  }

  private static ManifestException invalid(String message) {
    return new ManifestException(ManifestException.Reason.INVALID_MANIFEST, message);
  }
}
