package dev.schemagate.registry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.registry.server.cache.ResponseCache;
import dev.schemagate.registry.server.registry.RegistryService;
import dev.schemagate.registry.server.registry.SchemaEngine;
import dev.schemagate.registry.server.registry.SettingsService;
import dev.schemagate.registry.server.storage.Database;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import javax.sql.DataSource;

/** What route groups may use: the store, the services, the JSON mapper and the metrics. */
public record ServerContext(
    RegistryConfig config,
    Database database,
    RegistryService registry,
    SettingsService settings,
    SchemaEngine engine,
    ResponseCache cache,
    ObjectMapper json,
    PrometheusMeterRegistry metrics) {

  /** The PostgreSQL pool (migrations in {@code db/migration} have run). */
  public DataSource dataSource() {
    return database.dataSource();
  }
}
