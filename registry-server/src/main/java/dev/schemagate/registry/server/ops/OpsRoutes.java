package dev.schemagate.registry.server.ops;

import dev.schemagate.registry.server.RouteGroup;
import dev.schemagate.registry.server.ServerContext;
import dev.schemagate.registry.server.storage.Database;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code /healthz} (the process runs), {@code /readyz} (PostgreSQL answers), {@code /metrics}. */
public final class OpsRoutes implements RouteGroup {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Database database;
  private final PrometheusMeterRegistry metrics;

  public OpsRoutes(ServerContext context) {
    this.database = context.database();
    this.metrics = context.metrics();
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get(
        "/healthz", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
    routes.get(
        "/readyz",
        ctx -> {
          boolean ready = database.isReachable();
          ctx.status(ready ? 200 : 503)
              .contentType("application/json")
              .result(
                  ready
                      ? "{\"status\":\"UP\",\"database\":\"UP\"}"
                      : "{\"status\":\"DOWN\",\"database\":\"DOWN\"}");
        });
    routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
  }
}
