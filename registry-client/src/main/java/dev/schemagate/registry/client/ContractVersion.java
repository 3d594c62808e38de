package dev.schemagate.registry.client;

/** A schema version together with its data-contract fields. */
public record ContractVersion(RegisteredSchema schema, DataContractFields contract) {}
