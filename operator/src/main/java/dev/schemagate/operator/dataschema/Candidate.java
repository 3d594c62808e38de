package dev.schemagate.operator.dataschema;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.registry.client.SchemaSubmission;

/** What one DataSchema asks the registry to hold: parsed, fingerprinted, at a level. */
record Candidate(
    String subject, SchemaSubmission submission, ParsedSchema parsed, CompatibilityLevel level) {}
