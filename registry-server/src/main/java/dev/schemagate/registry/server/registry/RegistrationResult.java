package dev.schemagate.registry.server.registry;

/** The id and version a registration ended at; {@code created} is false for a repeat. */
public record RegistrationResult(int id, int version, boolean created) {}
