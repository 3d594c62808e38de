package dev.schemagate.registry.server;

import dev.schemagate.registry.server.api.CompatibilityRoutes;
import dev.schemagate.registry.server.api.ConfigRoutes;
import dev.schemagate.registry.server.api.ModeRoutes;
import dev.schemagate.registry.server.api.SchemaRoutes;
import dev.schemagate.registry.server.api.SubjectRoutes;
import dev.schemagate.registry.server.ops.OpsRoutes;
import java.util.List;

/** Every route group the server mounts: add a feature's group here. */
final class RouteGroups {
  private RouteGroups() {}

  static List<RouteGroup> all(ServerContext context) {
    return List.of(
        new SubjectRoutes(context),
        new SchemaRoutes(context),
        new CompatibilityRoutes(context),
        new ConfigRoutes(context),
        new ModeRoutes(context),
        new OpsRoutes(context),
        new dev.schemagate.registry.server.lineage.LineageRoutes(context),
        new dev.schemagate.registry.server.checkpoint.CheckpointRoutes(context),
        new dev.schemagate.registry.server.drift.DriftRoutes(context));
  }
}
