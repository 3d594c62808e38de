package dev.schemagate.registry.server.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.server.RouteGroup;
import dev.schemagate.registry.server.ServerContext;
import dev.schemagate.registry.server.api.ReportBodies;
import dev.schemagate.registry.server.registry.RegistryServerException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The drift extension of the registry API:
 *
 * <ul>
 *   <li>{@code POST /api/v1/drift-reports}: {@code {namespace, contract, at, source, records,
 *       fields: [{field, ..., breaches: [{test, value, threshold}]}]}} as {@code schemagate
 *       monitor} sends it; 201 with its {@code id}, 400 naming the field that is wrong;
 *   <li>{@code GET /api/v1/drift-reports/{namespace}/{contract}/latest}: the latest one's summary
 *       ({@code verdict} BREACHED|STEADY, {@code at}, {@code source}, {@code records}, {@code
 *       breaches}) and its report; 404 when none was recorded for that contract.
 * </ul>
 */
public final class DriftRoutes implements RouteGroup {
  private static final ReportBodies BODIES = new ReportBodies("drift report");
  private static final int MAX_TEXT = 1000;
  private static final int MAX_FIELDS = 256;

  private final DriftStore store;
  private final ObjectMapper json;

  public DriftRoutes(ServerContext context) {
    this.json = context.json();
    this.store = new DriftStore(context.database(), context.json());
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.post("/api/v1/drift-reports", this::record);
    routes.get("/api/v1/drift-reports/{namespace}/{contract}/latest", this::latest);
  }

  private void record(Context ctx) {
    JsonNode body = BODIES.object(json, ctx);
    String namespace = BODIES.name(body.path("namespace").asText("default"), "namespace");
    String contract = BODIES.name(text(body, "contract"), "contract");
    Instant at;
    try {
      at = Instant.parse(text(body, "at"));
    } catch (DateTimeParseException e) {
      throw invalid("at must be an ISO-8601 instant such as 2026-12-01T10:00:00Z");
    }
    String source = text(body, "source");
    if (!body.path("records").canConvertToLong()
        || !body.path("records").isIntegralNumber()
        || body.path("records").asLong() < 0) {
      throw invalid("records must be a count, 0 or more");
    }
    JsonNode fields = body.path("fields");
    if (!fields.isArray()) {
      throw invalid("fields must be an array");
    }
    if (fields.size() > MAX_FIELDS) {
      throw invalid("fields has " + fields.size() + " entries, at most " + MAX_FIELDS);
    }
    List<DriftReport.Breach> breaches = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      breaches.addAll(breaches(fields.get(i), "fields[" + i + "]"));
    }
    long id =
        store.add(
            new DriftReport(
                0, namespace, contract, at, source, body.get("records").asLong(), breaches, body));
    ObjectNode answer = json.createObjectNode();
    answer.put("id", id);
    ReportBodies.send(ctx, json, 201, answer);
  }

  private static List<DriftReport.Breach> breaches(JsonNode field, String path) {
    if (!field.isObject()) {
      throw invalid(path + " must be an object");
    }
    String name = text(field, "field", path + ".field");
    JsonNode list = field.path("breaches");
    if (list.isMissingNode()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw invalid(path + ".breaches must be an array");
    }
    List<DriftReport.Breach> out = new ArrayList<>();
    for (int j = 0; j < list.size(); j++) {
      String at = path + ".breaches[" + j + "]";
      JsonNode b = list.get(j);
      String test = b.path("test").asText("");
      DriftReport.Test parsed;
      try {
        parsed = DriftReport.Test.valueOf(test);
      } catch (IllegalArgumentException e) {
        throw invalid(
            at
                + ".test must be one of "
                + Arrays.toString(DriftReport.Test.values())
                + ", not '"
                + test
                + "'");
      }
      out.add(
          new DriftReport.Breach(name, parsed, number(b, "value", at), number(b, "threshold", at)));
    }
    return out;
  }

  private void latest(Context ctx) {
    String namespace = BODIES.name(ctx.pathParam("namespace"), "namespace");
    String contract = BODIES.name(ctx.pathParam("contract"), "contract");
    var found = store.latest(namespace, contract);
    if (found.isEmpty()) {
      ObjectNode error = json.createObjectNode();
      error.put("error_code", 404);
      error.put("message", "No drift report recorded for contract " + namespace + "/" + contract);
      ReportBodies.send(ctx, json, 404, error);
      return;
    }
    DriftReport r = found.get();
    ObjectNode answer = json.createObjectNode();
    answer.put("id", r.id());
    answer.put("namespace", r.namespace());
    answer.put("contract", r.contract());
    answer.put("verdict", r.verdict());
    answer.put("at", r.at().toString());
    answer.put("source", r.source());
    answer.put("records", r.records());
    ArrayNode breaches = answer.putArray("breaches");
    for (DriftReport.Breach b : r.breaches()) {
      breaches
          .addObject()
          .put("field", b.field())
          .put("test", b.test().name())
          .put("value", b.value())
          .put("threshold", b.threshold());
    }
    answer.set("report", r.report());
    ReportBodies.send(ctx, json, 200, answer);
  }

  private static double number(JsonNode node, String key, String path) {
    JsonNode v = node.path(key);
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw invalid(path + "." + key + " must be a number");
    }
    return v.asDouble();
  }

  private static String text(JsonNode body, String field) {
    return BODIES.text(body, field, field, MAX_TEXT);
  }

  private static String text(JsonNode body, String field, String path) {
    return BODIES.text(body, field, path, MAX_TEXT);
  }

  private static RegistryServerException invalid(String problem) {
    return BODIES.invalid(problem);
  }
}
