package dev.schemagate.core.lineage.dbt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A dbt project as OpenLineage run events, one per relation dbt builds: the job is the model, the
 * inputs the relations it depends on, the output its own relation with a schema facet and a
 * column-lineage facet.
 *
 * <p>A manifest says which relations a model reads, not which columns feed which: the column edges
 * here join an output column to the input columns of the same name (case-insensitive), marked
 * {@code DIRECT}/{@code IDENTITY}; a computed column ({@code sum(amount) as revenue}) gets no edge
 * from the manifest alone. An OpenLineage integration that parses the SQL (dbt-ol) can add those
 * edges later, through the same endpoint.
 */
public final class DbtLineageEvents {
  static final String PRODUCER = "https://schemagate.dev/dbt-manifest";
  private static final String SCHEMA_URL =
      "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DbtLineageEvents() {}

  /**
   * @param namespace the OpenLineage namespace of the warehouse, e.g. {@code
   *     postgres://warehouse:5432}: column names become {@code namespace.dataset.column}
   */
  public static List<ObjectNode> events(DbtProject project, String namespace) {
    Map<String, DbtProject.Relation> byId = new LinkedHashMap<>();
    project.relations().forEach(r -> byId.put(r.uniqueId(), r));
    String eventTime = eventTime(project.generatedAt());
    List<ObjectNode> events = new ArrayList<>();
    for (DbtProject.Relation relation : project.relations()) {
      if (relation.type() == DbtProject.RelationType.SOURCE) {
        continue; // sources are built outside dbt; they appear as inputs
      }
      List<DbtProject.Relation> parents =
          relation.dependsOn().stream().map(byId::get).filter(p -> p != null).toList();
      ObjectNode event = JSON.createObjectNode();
      event.put("eventType", "COMPLETE");
      event.put("eventTime", eventTime);
      event.put("producer", PRODUCER);
      event.put("schemaURL", SCHEMA_URL);
      event
          .putObject("run")
          .put("runId", runId(project.invocationId(), namespace, relation.uniqueId()).toString());
      event.putObject("job").put("namespace", "dbt").put("name", relation.uniqueId());
      ArrayNode inputs = event.putArray("inputs");
      for (DbtProject.Relation parent : parents) {
        dataset(inputs.addObject(), namespace, parent);
      }
      ObjectNode output = dataset(event.putArray("outputs").addObject(), namespace, relation);
      ObjectNode fields = JSON.createObjectNode();
      for (DbtProject.Column column : relation.columns()) {
        ArrayNode inputFields = JSON.createArrayNode();
        for (DbtProject.Relation parent : parents) {
          sameName(parent, column.name())
              .ifPresent(
                  c -> {
                    ObjectNode input = inputFields.addObject();
                    input.put("namespace", namespace);
                    input.put("name", parent.dataset());
                    input.put("field", c.name());
                    input
                        .putArray("transformations")
                        .addObject()
                        .put("type", "DIRECT")
                        .put("subtype", "IDENTITY");
                  });
        }
        if (!inputFields.isEmpty()) {
          fields.putObject(column.name()).set("inputFields", inputFields);
        }
      }
      if (!fields.isEmpty()) {
        ObjectNode lineage = facet(output.with("facets"), "columnLineage");
        lineage.set("fields", fields);
      }
      events.add(event);
    }
    return events;
  }

  private static ObjectNode dataset(
      ObjectNode node, String namespace, DbtProject.Relation relation) {
    node.put("namespace", namespace);
    node.put("name", relation.dataset());
    if (!relation.columns().isEmpty()) {
      ArrayNode fields = facet(node.putObject("facets"), "schema").putArray("fields");
      for (DbtProject.Column column : relation.columns()) {
        ObjectNode field = fields.addObject().put("name", column.name());
        column.dataType().ifPresent(t -> field.put("type", t));
      }
    }
    return node;
  }

  private static ObjectNode facet(ObjectNode facets, String name) {
    ObjectNode facet = facets.putObject(name);
    facet.put("_producer", PRODUCER);
    facet.put(
        "_schemaURL",
        "https://openlineage.io/spec/facets/1-0-1/"
            + (name.equals("schema") ? "SchemaDatasetFacet" : "ColumnLineageDatasetFacet")
            + ".json");
    return facet;
  }

  private static Optional<DbtProject.Column> sameName(DbtProject.Relation parent, String column) {
    String wanted = column.toLowerCase(Locale.ROOT);
    return parent.columns().stream()
        .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /**
   * The same manifest into the same namespace gives the same run ids, so ingesting it twice stores
   * nothing new; into another namespace, they differ (the registry keeps one event per run id).
   */
  static UUID runId(String invocationId, String namespace, String uniqueId) {
    return UUID.nameUUIDFromBytes(
        (invocationId + "/" + namespace + "/" + uniqueId).getBytes(StandardCharsets.UTF_8));
  }

  private static String eventTime(String generatedAt) {
    try {
      // dbt writes e.g. 2026-12-01T10:00:00.123456Z
      return Instant.parse(generatedAt).toString();
    } catch (RuntimeException notAnInstant) {
      return Instant.EPOCH.toString();
    }
  }
}
