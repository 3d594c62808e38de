package dev.schemagate.operator.promotion;

import dev.schemagate.registry.client.RegistryAccess;
import dev.schemagate.registry.client.SchemaRegistryClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One registry client per environment URL, made on first use and kept (so connections are reused);
 * closed with the controller. Each carries the operator's credentials, read once at start-up. Short
 * budgets: a promotion reports an outage and retries rather than holding a reconcile thread.
 */
final class Registries implements AutoCloseable {
  private final Duration timeout;
  private final RegistryAccess access;
  private final Map<String, SchemaRegistryClient> clients = new ConcurrentHashMap<>();

  Registries(Duration timeout, RegistryAccess access) {
    this.timeout = timeout;
    this.access = access;
  }

  SchemaRegistryClient of(String url) {
    return clients.computeIfAbsent(
        url,
        u ->
            SchemaRegistryClient.builder(u)
                .access(access)
                .requestTimeout(timeout)
                .maxBlock(timeout)
                .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .failFastFor(Duration.ofMillis(200))
                .latestTtl(Duration.ZERO)
                .build());
  }

  @Override
  public void close() {
    clients.values().forEach(SchemaRegistryClient::close);
    clients.clear();
  }
}
