package dev.schemagate.registry.server;

import io.javalin.config.RoutesConfig;

/**
 * A set of HTTP routes the server mounts. Each feature (the Confluent API, operations, lineage) is
 * one group; {@link RouteGroups#all} lists them, so adding a feature is one line there. Throw
 * {@link dev.schemagate.registry.server.registry.RegistryServerException} (or any exception the
 * error mapper knows) to answer with a Confluent-style error body.
 */
public interface RouteGroup {
  void addRoutes(RoutesConfig routes);
}
