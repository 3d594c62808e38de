package dev.schemagate.registry.client;

/**
 * What a registration answered: the schema's id and the version under the subject (the version is 0
 * when the registry, like Confluent's, answers with the id alone).
 */
public record RegisteredVersion(int id, int version) {}
