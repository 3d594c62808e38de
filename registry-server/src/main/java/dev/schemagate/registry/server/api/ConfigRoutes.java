package dev.schemagate.registry.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.registry.server.RouteGroup;
import dev.schemagate.registry.server.ServerContext;
import dev.schemagate.registry.server.registry.SettingsService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /config}: compatibility levels, global and per subject. */
public final class ConfigRoutes implements RouteGroup {
  private final SettingsService settings;
  private final ObjectMapper json;

  public ConfigRoutes(ServerContext context) {
    this.settings = context.settings();
    this.json = context.json();
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/config", ctx -> sendLevel(ctx, settings.globalCompatibility()));
    routes.put(
        "/config", ctx -> sendUpdate(ctx, settings.setGlobalCompatibility(requestedLevel(ctx))));
    routes.delete("/config", ctx -> sendLevel(ctx, settings.resetGlobalCompatibility()));
    routes.get(
        "/config/{subject}",
        ctx ->
            sendLevel(
                ctx,
                settings.subjectCompatibility(
                    ctx.pathParam("subject"), Wire.flag(ctx, "defaultToGlobal"))));
    routes.put(
        "/config/{subject}",
        ctx ->
            sendUpdate(
                ctx,
                settings.setSubjectCompatibility(ctx.pathParam("subject"), requestedLevel(ctx))));
    routes.delete(
        "/config/{subject}",
        ctx -> sendLevel(ctx, settings.deleteSubjectCompatibility(ctx.pathParam("subject"))));
  }

  private String requestedLevel(Context ctx) {
    JsonNode value = Wire.body(ctx, json).get("compatibility");
    return value == null || value.isNull() ? null : value.asText();
  }

  private void sendLevel(Context ctx, CompatibilityLevel level) {
    Wire.send(ctx, json, Map.of("compatibilityLevel", level.name()));
  }

  private void sendUpdate(Context ctx, CompatibilityLevel level) {
    Wire.send(ctx, json, Map.of("compatibility", level.name()));
  }
}
