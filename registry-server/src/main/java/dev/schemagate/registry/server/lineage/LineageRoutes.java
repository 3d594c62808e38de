package dev.schemagate.registry.server.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.lineage.AffectedAsset;
import dev.schemagate.core.lineage.AssetKind;
import dev.schemagate.core.lineage.AssetNode;
import dev.schemagate.core.lineage.Criticality;
import dev.schemagate.core.lineage.Impact;
import dev.schemagate.core.lineage.LineageException;
import dev.schemagate.core.lineage.LineagePath;
import dev.schemagate.core.lineage.Transformation;
import dev.schemagate.core.lineage.TransformationType;
import dev.schemagate.core.lineage.Upstream;
import dev.schemagate.core.lineage.UpstreamSource;
import dev.schemagate.core.lineage.openlineage.OpenLineageEventParser;
import dev.schemagate.core.lineage.openlineage.RunEventLineage;
import dev.schemagate.core.lineage.severity.SeverityAssessment;
import dev.schemagate.registry.server.RouteGroup;
import dev.schemagate.registry.server.ServerContext;
import dev.schemagate.registry.server.registry.RegistryServerException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The lineage extension of the registry API:
 *
 * <ul>
 *   <li>{@code POST /api/v1/lineage}: an OpenLineage run event (the body Marquez accepts); 201 when
 *       stored, 200 for a repeat of an event already stored, 400 naming the problem;
 *   <li>{@code GET /api/v1/lineage/impact?field=..&field=..}: affected assets with paths and the
 *       severity grade; {@code GET /api/v1/lineage/upstream?field=..}: sources with paths;
 *   <li>{@code PUT /api/v1/lineage/consumers/{kind}/{name}}: an asset declared in a DataContract
 *       and the fields it reads from one dataset ({@code {owner, criticality, environment?,
 *       dataset: {namespace, name}, fields: [..]}}), replacing what it read from that dataset;
 *       {@code DELETE ...?namespace=..&dataset=..} forgets those inputs.
 * </ul>
 *
 * Errors use the registry's error body ({@code error_code}, {@code message}).
 */
public final class LineageRoutes implements RouteGroup {
  private static final String JSON = "application/json";
  private static final long WRITE_TIMEOUT_SECONDS = 30;
  private static final int DEFAULT_COLUMN_LIMIT = 100;

  private final LineageService lineage;
  private final ObjectMapper json;
  private final OpenLineageEventParser parser = new OpenLineageEventParser();

  public LineageRoutes(ServerContext context) {
    this(context, LineageSettings.of(context.config().severityPolicy()));
  }

  LineageRoutes(ServerContext context, LineageSettings settings) {
    this.json = context.json();
    this.lineage = new LineageService(context.database(), settings.policy());
  }

  public LineageService service() {
    return lineage;
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.post("/api/v1/lineage", this::ingest);
    routes.get("/api/v1/lineage/impact", this::impact);
    routes.get("/api/v1/lineage/upstream", this::upstream);
    routes.put("/api/v1/lineage/consumers/{kind}/{name}", this::declareConsumer);
    routes.delete("/api/v1/lineage/consumers/{kind}/{name}", this::removeConsumer);
  }

  private void ingest(Context ctx) {
    RunEventLineage event;
    try {
      event = parser.parse(ctx.bodyAsBytes());
    } catch (LineageException e) {
      throw RegistryServerException.malformed("Invalid OpenLineage event: " + e.getMessage());
    }
    LineageStore.unstorable(event)
        .ifPresent(
            problem -> {
              throw RegistryServerException.malformed("Invalid OpenLineage event: " + problem);
            });
    boolean fresh = await(lineage.ingest(event));
    ctx.status(fresh ? 201 : 200).contentType(JSON).result(ingested(event, fresh));
  }

  /**
   * The answer to an ingested event, written directly: the hottest response of the lineage API, and
   * its values need no escaping (a UUID, an event type from a fixed set, numbers).
   */
  static byte[] ingested(RunEventLineage event, boolean fresh) {
    return ("{\"runId\":\""
            + event.runId()
            + "\",\"eventType\":\""
            + event.eventType()
            + "\",\"duplicate\":"
            + !fresh
            + ",\"columns\":"
            + event.columns().size()
            + ",\"edges\":"
            + event.edges().size()
            + "}")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private void impact(Context ctx) {
    List<String> fields = ctx.queryParams("field");
    if (fields.isEmpty()) {
      throw RegistryServerException.malformed(
          "Give at least one field: /api/v1/lineage/impact?field=namespace.dataset.column");
    }
    int limit = limit(ctx);
    Impact impact = lineage.impact(fields);
    SeverityAssessment severity = lineage.policy().classify(impact);
    ObjectNode body = json.createObjectNode();
    strings(body.putArray("fields"), impact.changedFields());
    strings(body.putArray("unknownFields"), impact.unknownFields());
    ObjectNode grade = body.putObject("severity");
    grade.put("level", severity.severity().name());
    severity.rule().ifPresent(r -> grade.put("rule", r));
    grade.put("blocking", severity.blocking());
    grade.put("reason", severity.reason());
    ArrayNode decisive = grade.putArray("decisive");
    severity.decisive().forEach(a -> decisive.add(a.asset().id()));
    ArrayNode assets = body.putArray("affectedAssets");
    for (AffectedAsset a : impact.affectedAssets()) {
      ObjectNode asset = assets.addObject();
      asset.put("id", a.asset().id());
      asset.put("kind", a.asset().kind().label());
      asset.put("name", a.asset().name());
      asset.put("owner", a.asset().owner());
      asset.put("criticality", a.asset().criticality().name());
      a.asset().environment().ifPresent(env -> asset.put("environment", env));
      asset.put("direct", a.direct());
      path(asset, a.path());
    }
    body.put("reachedColumns", impact.reachedColumnCount());
    strings(body.putArray("columns"), impact.reachedColumns(limit));
    send(ctx, 200, body);
  }

  private void upstream(Context ctx) {
    List<String> fields = ctx.queryParams("field");
    if (fields.size() != 1) {
      throw RegistryServerException.malformed(
          "Give exactly one field: /api/v1/lineage/upstream?field=namespace.dataset.column");
    }
    Upstream upstream = lineage.upstream(fields.get(0));
    ObjectNode body = json.createObjectNode();
    body.put("field", upstream.field());
    body.put("known", upstream.known());
    ArrayNode sources = body.putArray("sources");
    for (UpstreamSource s :
        upstream.sources().subList(0, Math.min(limit(ctx), upstream.sources().size()))) {
      ObjectNode source = sources.addObject();
      source.put("id", s.node().id());
      source.put("root", s.root());
      path(source, s.path());
    }
    send(ctx, 200, body);
  }

  private void declareConsumer(Context ctx) {
    AssetKind kind = kind(ctx);
    String name = ctx.pathParam("name");
    JsonNode body = readBody(ctx);
    String owner = requiredText(body, "owner");
    Criticality criticality =
        Criticality.parse(body.path("criticality").asText("MEDIUM"))
            .orElseThrow(
                () ->
                    RegistryServerException.malformed(
                        "criticality must be one of LOW, MEDIUM, HIGH, CRITICAL"));
    Optional<String> environment = Optional.ofNullable(body.path("environment").textValue());
    Transformation transformation = transformation(body.path("transformation"));
    JsonNode dataset = body.path("dataset");
    String namespace = requiredText(dataset, "namespace", "dataset.");
    String datasetName = requiredText(dataset, "name", "dataset.");
    JsonNode fields = body.path("fields");
    if (!fields.isArray()) {
      throw RegistryServerException.malformed(
          "fields must be an array of the dataset's column names");
    }
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      if (!fields.get(i).isTextual() || fields.get(i).asText().isBlank()) {
        throw RegistryServerException.malformed("fields[" + i + "] must be a non-blank string");
      }
      columns.add(fields.get(i).asText());
    }
    AssetNode asset = new AssetNode(kind, name, owner, criticality, environment);
    await(lineage.declareConsumer(asset, namespace, datasetName, columns, transformation));
    ObjectNode answer = json.createObjectNode();
    answer.put("id", asset.id());
    answer.put("inputs", columns.size());
    send(ctx, 200, answer);
  }

  private void removeConsumer(Context ctx) {
    AssetKind kind = kind(ctx);
    String name = ctx.pathParam("name");
    String namespace = ctx.queryParam("namespace");
    String dataset = ctx.queryParam("dataset");
    if (namespace == null || dataset == null) {
      throw RegistryServerException.malformed(
          "Name the dataset whose inputs to remove: ?namespace=..&dataset=..");
    }
    var existing = lineage.current().node(AssetNode.idOf(kind, name));
    if (existing.isEmpty() || !(existing.get() instanceof AssetNode asset)) {
      throw new RegistryServerException(
          RegistryServerException.Reason.NO_SUCH_ENDPOINT,
          "No consumer " + AssetNode.idOf(kind, name) + " is declared");
    }
    await(lineage.declareConsumer(asset, namespace, dataset, List.of(), Transformation.DIRECT));
    send(ctx, 200, json.createObjectNode().put("id", asset.id()).put("inputs", 0));
  }

  private static AssetKind kind(Context ctx) {
    String text = ctx.pathParam("kind");
    return AssetKind.parse(text)
        .orElseThrow(
            () ->
                RegistryServerException.malformed(
                    "Unknown consumer kind '"
                        + text
                        + "'; one of dbt_model, dashboard, service, ml_model"));
  }

  private Transformation transformation(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Transformation.DIRECT;
    }
    TransformationType type =
        TransformationType.parse(node.path("type").asText(""))
            .orElseThrow(
                () ->
                    RegistryServerException.malformed(
                        "transformation.type must be DIRECT or INDIRECT"));
    return Transformation.of(type, node.path("subtype").textValue());
  }

  private JsonNode readBody(Context ctx) {
    try {
      JsonNode body = json.readTree(ctx.body());
      if (body == null || !body.isObject()) {
        throw RegistryServerException.malformed("The body must be a JSON object");
      }
      return body;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw RegistryServerException.malformed(
          "The body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String requiredText(JsonNode node, String field) {
    return requiredText(node, field, "");
  }

  private static String requiredText(JsonNode node, String field, String prefix) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw RegistryServerException.malformed(prefix + field + " must be a non-blank string");
    }
    return value.asText();
  }

  private static int limit(Context ctx) {
    String text = ctx.queryParam("limit");
    if (text == null) {
      return DEFAULT_COLUMN_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit < 0) {
        throw new NumberFormatException();
      }
      return limit;
    } catch (NumberFormatException e) {
      throw RegistryServerException.malformed(
          "limit must be a non-negative integer, was '" + text + "'");
    }
  }

  private static void path(ObjectNode target, LineagePath path) {
    strings(target.putArray("path"), path.nodes());
    ArrayNode hops = target.putArray("hops");
    path.hops().forEach(h -> hops.add(h.toString()));
    target.put("explanation", path.render());
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private void send(Context ctx, int status, ObjectNode body) {
    try {
      ctx.status(status).contentType(JSON).result(json.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a lineage response", e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new RegistryServerException(
          RegistryServerException.Reason.STORE_TIMEOUT, "The lineage store did not answer in time");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RegistryServerException known) {
        throw known;
      }
      throw new RegistryServerException(
          RegistryServerException.Reason.STORE_ERROR,
          "The lineage store failed: " + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryServerException(
          RegistryServerException.Reason.STORE_TIMEOUT, "Interrupted while storing lineage");
    }
  }
}
