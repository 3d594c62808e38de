package dev.schemagate.registry.server.registry;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.registry.server.registry.contract.ContractConfig;
import java.util.Optional;

/**
 * A config as Confluent returns it: a level (empty for a subject without one) and contract parts.
 */
public record ConfigView(Optional<CompatibilityLevel> compatibility, ContractConfig contract) {
  public boolean isEmpty() {
    return compatibility.isEmpty() && contract.isEmpty();
  }
}
