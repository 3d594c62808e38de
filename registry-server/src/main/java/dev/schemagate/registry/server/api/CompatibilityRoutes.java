package dev.schemagate.registry.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.server.RouteGroup;
import dev.schemagate.registry.server.ServerContext;
import dev.schemagate.registry.server.registry.CompatibilityVerdict;
import dev.schemagate.registry.server.registry.RegistryService;
import dev.schemagate.registry.server.registry.VersionSelector;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code POST /compatibility/subjects/{s}/versions[/{v}]}, with {@code verbose=true} messages. */
public final class CompatibilityRoutes implements RouteGroup {
  private final RegistryService registry;
  private final ObjectMapper json;

  public CompatibilityRoutes(ServerContext context) {
    this.registry = context.registry();
    this.json = context.json();
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.post(
        "/compatibility/subjects/{subject}/versions/{version}",
        ctx -> test(ctx, Optional.of(VersionSelector.parse(ctx.pathParam("version")))));
    routes.post("/compatibility/subjects/{subject}/versions", ctx -> test(ctx, Optional.empty()));
  }

  private void test(Context ctx, Optional<VersionSelector> version) {
    CompatibilityVerdict verdict =
        registry.testCompatibility(
            ctx.pathParam("subject"), version, SubmissionReader.read(ctx, json));
    ObjectNode body = json.createObjectNode();
    body.put("is_compatible", verdict.compatible());
    if (Wire.flag(ctx, "verbose")) {
      body.set("messages", json.valueToTree(verdict.messages()));
    }
    Wire.send(ctx, json, body);
  }
}
