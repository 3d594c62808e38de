package dev.schemagate.registry.server.registry;

import dev.schemagate.registry.server.storage.ContractRepository.Field;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code PUT /config} body: the level if one was named, and the contract fields it sets (a
 * present empty value clears the field; fields not named are left as they are).
 */
public record ConfigUpdate(Optional<String> compatibility, Map<Field, Optional<String>> contract) {
  public ConfigUpdate {
    contract = Map.copyOf(contract);
  }
}
