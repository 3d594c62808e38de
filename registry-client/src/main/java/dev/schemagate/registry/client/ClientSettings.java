package dev.schemagate.registry.client;

import java.time.Duration;
import java.util.Map;

/** The tuning of a {@link SchemaRegistryClient}; see {@link SchemaRegistryClientBuilder}. */
record ClientSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    Duration maxBlock,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration failFastFor,
    Duration latestTtl,
    long cacheCapacity,
    Map<String, String> headers,
    RegistryCredentials credentials,
    java.util.Optional<javax.net.ssl.SSLContext> ssl) {
  ClientSettings {
    headers = Map.copyOf(headers);
  }
}
