package dev.schemagate.registry.server.registry;

/** One version of a subject and the schema it points at. */
public record SubjectVersion(String subject, int version, StoredSchema schema, boolean deleted) {}
