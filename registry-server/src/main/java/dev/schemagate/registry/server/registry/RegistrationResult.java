package dev.schemagate.registry.server.registry;

import dev.schemagate.registry.server.registry.contract.SchemaContract;

/**
 * The id and version a registration ended at; {@code created} is false for a repeat. {@code
 * contract} is the metadata and ruleSet the version holds (config defaults and overrides applied).
 */
public record RegistrationResult(int id, int version, boolean created, SchemaContract contract) {
  public RegistrationResult(int id, int version, boolean created) {
    this(id, version, created, SchemaContract.NONE);
  }
}
