package dev.schemagate.registry.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.registry.server.RouteGroup;
import dev.schemagate.registry.server.ServerContext;
import dev.schemagate.registry.server.registry.Mode;
import dev.schemagate.registry.server.registry.SettingsService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /mode}: READWRITE, READONLY, IMPORT, global and per subject. */
public final class ModeRoutes implements RouteGroup {
  private final SettingsService settings;
  private final ObjectMapper json;

  public ModeRoutes(ServerContext context) {
    this.settings = context.settings();
    this.json = context.json();
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/mode", ctx -> send(ctx, settings.globalMode()));
    routes.put(
        "/mode",
        ctx -> send(ctx, settings.setGlobalMode(requestedMode(ctx), Wire.flag(ctx, "force"))));
    routes.get(
        "/mode/{subject}",
        ctx ->
            send(
                ctx,
                settings.subjectMode(ctx.pathParam("subject"), Wire.flag(ctx, "defaultToGlobal"))));
    routes.put(
        "/mode/{subject}",
        ctx ->
            send(
                ctx,
                settings.setSubjectMode(
                    ctx.pathParam("subject"), requestedMode(ctx), Wire.flag(ctx, "force"))));
    routes.delete(
        "/mode/{subject}", ctx -> send(ctx, settings.deleteSubjectMode(ctx.pathParam("subject"))));
  }

  private String requestedMode(Context ctx) {
    JsonNode value = Wire.body(ctx, json).get("mode");
    return value == null || value.isNull() ? null : value.asText();
  }

  private void send(Context ctx, Mode mode) {
    Wire.send(ctx, json, Map.of("mode", mode.name()));
  }
}
