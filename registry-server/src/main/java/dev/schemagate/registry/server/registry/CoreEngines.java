package dev.schemagate.registry.server.registry;

import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.schema.Schemas;
import io.micrometer.core.instrument.MeterRegistry;

/** The core library's parser and compatibility checker, as the server uses them by default. */
public final class CoreEngines {
  private CoreEngines() {}

  public static SchemaEngine defaults(MeterRegistry metrics) {
    return new SchemaEngine(Schemas.parser(), Compatibility.checker(), metrics);
  }
}
