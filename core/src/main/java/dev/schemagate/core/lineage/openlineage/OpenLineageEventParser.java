package dev.schemagate.core.lineage.openlineage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.schemagate.core.lineage.ColumnNode;
import dev.schemagate.core.lineage.LineageEdge;
import dev.schemagate.core.lineage.LineageException;
import dev.schemagate.core.lineage.Transformation;
import dev.schemagate.core.lineage.TransformationType;
import dev.schemagate.core.time.Rfc3339;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads an OpenLineage run event (the body Marquez accepts on {@code POST /api/v1/lineage}) and
 * extracts its column lineage: the {@code columnLineage} dataset facet of each output, {@code
 * fields.{column}.inputFields[{namespace, name, field, transformations[{type, subtype}]}]}, its
 * dataset-wide {@code dataset[]} dependencies (INDIRECT for every output column), and the legacy
 * field-level {@code transformationType}. Anything malformed is refused with a message naming the
 * JSON path and the problem; facets schemagate does not read are ignored, as the spec asks.
 */
public final class OpenLineageEventParser {
  private static final Set<String> EVENT_TYPES =
      Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");
  // Real events nest a dozen levels; a hostile body nested far deeper is refused while reading.
  static final int MAX_DEPTH = 200;

  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .build();

  // stand-ins for absent optional members: only read, never changed, never returned
  private static final JsonNode EMPTY_OBJECT = JSON.createObjectNode();
  private static final JsonNode EMPTY_ARRAY = JSON.createArrayNode();

  public RunEventLineage parse(String body) throws LineageException {
    try {
      return parse(JSON.readTree(body));
    } catch (JsonProcessingException e) {
      throw notJson(e);
    }
  }

  /**
   * The same from the raw UTF-8 bytes of a request body: Jackson reads bytes directly, without
   * first decoding the whole body into a String.
   */
  public RunEventLineage parse(byte[] body) throws LineageException {
    try {
      return parse(JSON.readTree(body));
    } catch (JsonProcessingException e) {
      throw notJson(e);
    } catch (java.io.IOException e) {
      throw malformed("the body cannot be read: " + e.getMessage());
    }
  }

  private static LineageException notJson(JsonProcessingException e) {
    return malformed(
        "the body is not valid JSON: "
            + e.getOriginalMessage()
            + (e.getLocation() == null
                ? ""
                : " (line "
                    + e.getLocation().getLineNr()
                    + ", column "
                    + e.getLocation().getColumnNr()
                    + ")"));
  }

  public RunEventLineage parse(JsonNode root) throws LineageException {
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw malformed("the body is empty: expected an OpenLineage run event object");
    }
    if (!root.isObject()) {
      throw malformed("expected an OpenLineage run event object, got " + kind(root));
    }
    String eventType = text(root, "eventType", "");
    if (!EVENT_TYPES.contains(eventType)) {
      throw malformed(
          "eventType must be one of " + sorted(EVENT_TYPES) + ", was '" + eventType + "'");
    }
    String eventTimeText = text(root, "eventTime", "");
    OffsetDateTime eventTime;
    try {
      eventTime = Rfc3339.parse(eventTimeText);
    } catch (DateTimeParseException e) {
      throw malformed(
          "eventTime must be an ISO-8601 date-time with offset, was '" + eventTimeText + "'");
    }
    text(root, "producer", "");
    JsonNode run = object(root, "run", "");
    String runIdText = text(run, "runId", "run");
    UUID runId;
    try {
      runId = UUID.fromString(runIdText);
    } catch (IllegalArgumentException e) {
      throw malformed("run.runId must be a UUID, was '" + runIdText + "'");
    }
    JsonNode job = object(root, "job", "");
    String jobNamespace = text(job, "namespace", "job");
    String jobName = text(job, "name", "job");

    Map<String, ColumnNode> columns = new LinkedHashMap<>();
    Set<LineageEdge> edges = new LinkedHashSet<>();
    JsonNode inputs = optionalArray(root, "inputs", "");
    for (int i = 0; i < inputs.size(); i++) {
      readDataset(inputs.get(i), "inputs[" + i + "]", columns, edges, false);
    }
    JsonNode outputs = optionalArray(root, "outputs", "");
    for (int i = 0; i < outputs.size(); i++) {
      readDataset(outputs.get(i), "outputs[" + i + "]", columns, edges, true);
    }
    return new RunEventLineage(
        eventType,
        eventTime,
        runId,
        jobNamespace,
        jobName,
        List.copyOf(columns.values()),
        List.copyOf(edges));
  }

  private void readDataset(
      JsonNode dataset,
      String where,
      Map<String, ColumnNode> columns,
      Set<LineageEdge> edges,
      boolean output)
      throws LineageException {
    if (!dataset.isObject()) {
      throw malformed(where + " must be a dataset object, got " + kind(dataset));
    }
    String namespace = text(dataset, "namespace", where);
    String name = text(dataset, "name", where);
    JsonNode facets = optionalObject(dataset, "facets", where);
    List<String> datasetColumns = new ArrayList<>();
    JsonNode schema = optionalObject(facets, "schema", where + ".facets");
    JsonNode schemaFields = optionalArray(schema, "fields", where + ".facets.schema");
    for (int i = 0; i < schemaFields.size(); i++) {
      String f = text(schemaFields.get(i), "name", where + ".facets.schema.fields[" + i + "]");
      datasetColumns.add(f);
    }
    JsonNode lineage = optionalObject(facets, "columnLineage", where + ".facets");
    if (!output && !lineage.isEmpty()) {
      throw malformed(
          where + ".facets.columnLineage: column lineage belongs on outputs, not inputs");
    }
    String lineagePath = where + ".facets.columnLineage";
    JsonNode fields = optionalObject(lineage, "fields", lineagePath);
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      var entry = it.next();
      String column = entry.getKey();
      String fieldPath = lineagePath + ".fields." + column;
      if (column.isBlank()) {
        throw malformed(lineagePath + ".fields has an empty column name");
      }
      if (!entry.getValue().isObject()) {
        throw malformed(fieldPath + " must be an object, got " + kind(entry.getValue()));
      }
      datasetColumns.add(column);
      ColumnNode target = new ColumnNode(namespace, name, column);
      columns.putIfAbsent(target.id(), target);
      JsonNode legacyType = entry.getValue().path("transformationType");
      JsonNode inputFields = requiredArray(entry.getValue(), "inputFields", fieldPath);
      for (int i = 0; i < inputFields.size(); i++) {
        String inputPath = fieldPath + ".inputFields[" + i + "]";
        for (Transformation tx :
            readInputField(inputFields.get(i), inputPath, legacyType, columns)) {
          edges.add(new LineageEdge(inputId(inputFields.get(i)), target.id(), tx));
        }
      }
    }
    JsonNode datasetDeps = optionalArray(lineage, "dataset", lineagePath);
    for (int i = 0; i < datasetDeps.size(); i++) {
      String depPath = lineagePath + ".dataset[" + i + "]";
      List<Transformation> txs = readInputField(datasetDeps.get(i), depPath, null, columns);
      for (String column : datasetColumns) {
        String target = ColumnNode.fqn(namespace, name, column);
        columns.putIfAbsent(target, new ColumnNode(namespace, name, column));
        for (Transformation tx : txs) {
          // dataset-wide dependencies (filters, sorts) never carry values: INDIRECT by nature
          edges.add(
              new LineageEdge(
                  inputId(datasetDeps.get(i)),
                  target,
                  new Transformation(TransformationType.INDIRECT, tx.subtype())));
        }
      }
    }
    for (String column : datasetColumns) {
      columns.putIfAbsent(
          ColumnNode.fqn(namespace, name, column), new ColumnNode(namespace, name, column));
    }
  }

  /** Validates one input field, adds its column, and returns its transformations (≥ 1). */
  private List<Transformation> readInputField(
      JsonNode input, String where, JsonNode legacyType, Map<String, ColumnNode> columns)
      throws LineageException {
    if (!input.isObject()) {
      throw malformed(where + " must be an object, got " + kind(input));
    }
    ColumnNode source =
        new ColumnNode(
            text(input, "namespace", where),
            text(input, "name", where),
            text(input, "field", where));
    columns.putIfAbsent(source.id(), source);
    JsonNode transformations = optionalArray(input, "transformations", where);
    List<Transformation> out = new ArrayList<>();
    for (int i = 0; i < transformations.size(); i++) {
      String txPath = where + ".transformations[" + i + "]";
      JsonNode tx = transformations.get(i);
      if (!tx.isObject()) {
        throw malformed(txPath + " must be an object, got " + kind(tx));
      }
      String type = text(tx, "type", txPath);
      TransformationType parsed =
          TransformationType.parse(type)
              .orElseThrow(
                  () -> malformed(txPath + ".type must be DIRECT or INDIRECT, was '" + type + "'"));
      JsonNode subtype = tx.path("subtype");
      if (!subtype.isMissingNode() && !subtype.isNull() && !subtype.isTextual()) {
        throw malformed(txPath + ".subtype must be a string, got " + kind(subtype));
      }
      out.add(Transformation.of(parsed, subtype.isTextual() ? subtype.asText() : null));
    }
    if (out.isEmpty()) {
      // before the transformations array (spec 1-1), a field-level transformationType said it
      String legacy = legacyType != null && legacyType.isTextual() ? legacyType.asText() : null;
      out.add(Transformation.of(TransformationType.DIRECT, legacy));
    }
    return out;
  }

  private static String inputId(JsonNode input) {
    return ColumnNode.fqn(
        input.get("namespace").asText(), input.get("name").asText(), input.get("field").asText());
  }

  // `where` is the JSON path of `parent` ("" for the root): the field's path is only spelled out
  // for an error, not for every field of every valid event.
  private static String at(String where, String field) {
    return where.isEmpty() ? field : where + "." + field;
  }

  private static String text(JsonNode parent, String field, String where) throws LineageException {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      throw malformed(at(where, field) + " is missing");
    }
    if (!value.isTextual()) {
      throw malformed(at(where, field) + " must be a string, got " + kind(value));
    }
    if (value.asText().isBlank()) {
      throw malformed(at(where, field) + " must not be blank");
    }
    return value.asText();
  }

  private static JsonNode object(JsonNode parent, String field, String where)
      throws LineageException {
    return node(parent, field, where, true, null);
  }

  private static JsonNode optionalObject(JsonNode parent, String field, String where)
      throws LineageException {
    return node(parent, field, where, true, EMPTY_OBJECT);
  }

  private static JsonNode optionalArray(JsonNode parent, String field, String where)
      throws LineageException {
    return node(parent, field, where, false, EMPTY_ARRAY);
  }

  private static JsonNode requiredArray(JsonNode parent, String field, String where)
      throws LineageException {
    return node(parent, field, where, false, null);
  }

  /** {@code parent.field}, an object or an array; {@code absent} stands in, or null if required. */
  private static JsonNode node(
      JsonNode parent, String field, String where, boolean object, JsonNode absent)
      throws LineageException {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      if (absent == null) {
        throw malformed(at(where, field) + " is missing");
      }
      return absent;
    }
    if (object ? !value.isObject() : !value.isArray()) {
      throw malformed(
          at(where, field)
              + " must be "
              + (object ? "an object" : "an array")
              + ", got "
              + kind(value));
    }
    return value;
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static LineageException malformed(String message) {
    return new LineageException(LineageException.Reason.MALFORMED_EVENT, message);
  }
}
