package dev.schemagate.webhooks;

import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RegistryServer;
import dev.schemagate.registry.server.RunningRegistry;

/**
 * One real registry server (embedded PostgreSQL) for all the integration tests of this JVM: it
 * takes seconds to start on a loaded machine, and tests use subjects of their own.
 */
final class SharedRegistry {
  private static RunningRegistry registry;
  private static SchemaRegistryClient client;

  private SharedRegistry() {}

  static synchronized RunningRegistry server() {
    if (registry == null) {
      registry = RegistryServer.start(RegistryConfig.forTests().build());
      client = SchemaRegistryClient.builder(registry.url()).build();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    client.close();
                    registry.close();
                  }));
    }
    return registry;
  }

  static synchronized SchemaRegistryClient client() {
    server();
    return client;
  }
}
