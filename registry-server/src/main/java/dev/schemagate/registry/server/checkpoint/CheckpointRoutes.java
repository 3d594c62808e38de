package dev.schemagate.registry.server.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.server.RouteGroup;
import dev.schemagate.registry.server.ServerContext;
import dev.schemagate.registry.server.api.ReportBodies;
import dev.schemagate.registry.server.registry.RegistryServerException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The checkpoint extension of the registry API:
 *
 * <ul>
 *   <li>{@code POST /api/v1/checkpoints}: the JSON report of {@code schemagate check --format json}
 *       plus {@code namespace}; 201 with its {@code id}, 400 naming what is wrong;
 *   <li>{@code GET /api/v1/checkpoints/{namespace}/{contract}/latest}: the latest one's summary
 *       ({@code verdict}, {@code at}, {@code source}, {@code rows}, {@code failedRules}) and its
 *       report; 404 when none was recorded.
 * </ul>
 */
public final class CheckpointRoutes implements RouteGroup {
  private static final ReportBodies BODIES = new ReportBodies("checkpoint");
  private static final int MAX_SOURCE = 1000;

  private final CheckpointStore store;
  private final ObjectMapper json;

  public CheckpointRoutes(ServerContext context) {
    this.json = context.json();
    this.store = new CheckpointStore(context.database(), context.json());
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.post("/api/v1/checkpoints", this::record);
    routes.get("/api/v1/checkpoints/{namespace}/{contract}/latest", this::latest);
  }

  private void record(Context ctx) {
    JsonNode body = BODIES.object(json, ctx);
    String namespace = BODIES.name(body.path("namespace").asText("default"), "namespace");
    String contract = BODIES.name(text(body, "contract"), "contract");
    Checkpoint.Verdict verdict;
    try {
      verdict = Checkpoint.Verdict.valueOf(text(body, "verdict"));
    } catch (IllegalArgumentException e) {
      throw RegistryServerException.malformed(
          "Invalid checkpoint: verdict must be PASSED or FAILED, not '"
              + text(body, "verdict")
              + "'");
    }
    Instant at;
    try {
      at = Instant.parse(text(body, "at"));
    } catch (DateTimeParseException e) {
      throw RegistryServerException.malformed(
          "Invalid checkpoint: at must be an ISO-8601 instant such as 2026-12-01T10:00:00Z");
    }
    String source = text(body, "source");
    if (source.length() > MAX_SOURCE) {
      throw RegistryServerException.malformed(
          "Invalid checkpoint: source is longer than " + MAX_SOURCE + " characters");
    }
    if (!body.path("rows").canConvertToLong() || body.path("rows").asLong() < 0) {
      throw RegistryServerException.malformed(
          "Invalid checkpoint: rows must be a count, 0 or more");
    }
    if (!body.path("rules").isArray()) {
      throw RegistryServerException.malformed("Invalid checkpoint: rules must be an array");
    }
    int failed = 0;
    for (JsonNode rule : body.get("rules")) {
      if ("FAILED".equals(rule.path("status").asText())) {
        failed++;
      }
    }
    long id =
        store.add(
            new Checkpoint(
                0,
                namespace,
                contract,
                verdict,
                at,
                source,
                body.get("rows").asLong(),
                failed,
                body));
    ObjectNode answer = json.createObjectNode();
    answer.put("id", id);
    ReportBodies.send(ctx, json, 201, answer);
  }

  private void latest(Context ctx) {
    String namespace = BODIES.name(ctx.pathParam("namespace"), "namespace");
    String contract = BODIES.name(ctx.pathParam("contract"), "contract");
    var found = store.latest(namespace, contract);
    if (found.isEmpty()) {
      ObjectNode error = json.createObjectNode();
      error.put("error_code", 404);
      error.put("message", "No checkpoint recorded for contract " + namespace + "/" + contract);
      ReportBodies.send(ctx, json, 404, error);
      return;
    }
    Checkpoint c = found.get();
    ObjectNode answer = json.createObjectNode();
    answer.put("id", c.id());
    answer.put("namespace", c.namespace());
    answer.put("contract", c.contract());
    answer.put("verdict", c.verdict().name());
    answer.put("at", c.checkedAt().toString());
    answer.put("source", c.source());
    answer.put("rows", c.rows());
    answer.put("failedRules", c.failedRules());
    answer.set("report", c.report());
    ReportBodies.send(ctx, json, 200, answer);
  }

  private static String text(JsonNode body, String field) {
    return BODIES.text(body, field);
  }
}
