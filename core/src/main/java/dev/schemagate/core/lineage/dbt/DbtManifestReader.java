package dev.schemagate.core.lineage.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a dbt {@code manifest.json} (schema v10–v12, dbt 1.6–1.10) and, when given, the {@code
 * catalog.json} of {@code dbt docs generate}, whose column lists (what the warehouse really has)
 * complete the columns documented in YAML.
 */
public final class DbtManifestReader {
  private DbtManifestReader() {}

  public static DbtProject read(JsonNode manifest, Optional<JsonNode> catalog)
      throws DbtManifestException {
    if (manifest == null || !manifest.isObject()) {
      throw new DbtManifestException("not a dbt manifest: expected a JSON object");
    }
    String schemaVersion = manifest.at("/metadata/dbt_schema_version").asText("");
    if (!schemaVersion.contains("/manifest/")) {
      throw new DbtManifestException(
          "not a dbt manifest: metadata.dbt_schema_version is '"
              + schemaVersion
              + "'"
              + (schemaVersion.contains("/catalog/") ? " (a catalog: pass it as --catalog)" : ""));
    }
    if (!manifest.path("nodes").isObject() || !manifest.path("sources").isObject()) {
      throw new DbtManifestException("not a dbt manifest: nodes and sources must be objects");
    }
    Map<String, JsonNode> catalogNodes = catalogNodes(catalog);
    List<DbtProject.Relation> relations = new ArrayList<>();
    for (JsonNode node : values(manifest.get("nodes"))) {
      typeOf(node.path("resource_type").asText())
          .ifPresent(type -> relations.add(relation(node, type, catalogNodes)));
    }
    for (JsonNode source : values(manifest.get("sources"))) {
      relations.add(relation(source, DbtProject.RelationType.SOURCE, catalogNodes));
    }
    List<DbtProject.Exposure> exposures = new ArrayList<>();
    for (JsonNode exposure : values(manifest.path("exposures"))) {
      exposures.add(
          new DbtProject.Exposure(
              required(exposure, "unique_id"),
              required(exposure, "name"),
              exposure.path("type").asText("dashboard"),
              text(exposure.at("/owner/name")).or(() -> text(exposure.at("/owner/email"))),
              text(exposure.path("maturity")),
              strings(exposure.at("/depends_on/nodes"))));
    }
    return new DbtProject(
        manifest.at("/metadata/project_name").asText("dbt"),
        manifest.at("/metadata/invocation_id").asText(""),
        manifest.at("/metadata/generated_at").asText(""),
        relations,
        exposures);
  }

  private static Optional<DbtProject.RelationType> typeOf(String resourceType) {
    return switch (resourceType) {
      case "model" -> Optional.of(DbtProject.RelationType.MODEL);
      case "seed" -> Optional.of(DbtProject.RelationType.SEED);
      case "snapshot" -> Optional.of(DbtProject.RelationType.SNAPSHOT);
      default -> Optional.empty(); // tests, analyses, operations build no relation
    };
  }

  private static DbtProject.Relation relation(
      JsonNode node, DbtProject.RelationType type, Map<String, JsonNode> catalog) {
    String uniqueId = node.path("unique_id").asText();
    String identifier =
        text(node.path("identifier"))
            .or(() -> text(node.path("alias")))
            .orElse(node.path("name").asText());
    String dataset =
        String.join(
            ".",
            node.path("database").asText("").isEmpty()
                ? List.of(node.path("schema").asText(), identifier)
                : List.of(
                    node.path("database").asText(), node.path("schema").asText(), identifier));
    Map<String, DbtProject.Column> columns = new LinkedHashMap<>();
    for (JsonNode column : values(node.path("columns"))) {
      String name = column.path("name").asText();
      if (!name.isEmpty()) {
        columns.put(
            name.toLowerCase(Locale.ROOT),
            new DbtProject.Column(name, text(column.path("data_type"))));
      }
    }
    JsonNode fromCatalog = catalog.get(uniqueId);
    if (fromCatalog != null) {
      for (JsonNode column : values(fromCatalog.path("columns"))) {
        String name = column.path("name").asText();
        columns.merge(
            name.toLowerCase(Locale.ROOT),
            new DbtProject.Column(name, text(column.path("type"))),
            (documented, real) ->
                new DbtProject.Column(documented.name(), documented.dataType().or(real::dataType)));
      }
    }
    Optional<String> owner =
        text(node.at("/config/meta/owner"))
            .or(() -> text(node.at("/meta/owner")))
            .or(() -> text(node.at("/config/group")));
    return new DbtProject.Relation(
        uniqueId,
        type,
        node.path("name").asText(),
        dataset,
        List.copyOf(columns.values()),
        strings(node.at("/depends_on/nodes")),
        node.at("/config/contract/enforced").asBoolean(false)
            || node.at("/contract/enforced").asBoolean(false),
        owner,
        text(node.at("/config/meta/criticality")).or(() -> text(node.at("/meta/criticality"))));
  }

  private static Map<String, JsonNode> catalogNodes(Optional<JsonNode> catalog)
      throws DbtManifestException {
    Map<String, JsonNode> nodes = new LinkedHashMap<>();
    if (catalog.isEmpty()) {
      return nodes;
    }
    JsonNode root = catalog.get();
    if (!root.at("/metadata/dbt_schema_version").asText("").contains("/catalog/")) {
      throw new DbtManifestException(
          "not a dbt catalog: metadata.dbt_schema_version is '"
              + root.at("/metadata/dbt_schema_version").asText("")
              + "'");
    }
    for (String section : List.of("nodes", "sources")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path(section).fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        nodes.put(e.getKey(), e.getValue());
      }
    }
    return nodes;
  }

  private static String required(JsonNode node, String field) {
    return node.path(field).asText(node.path("name").asText("?"));
  }

  private static List<JsonNode> values(JsonNode object) {
    List<JsonNode> out = new ArrayList<>();
    object.elements().forEachRemaining(out::add);
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}
