package dev.schemagate.operator.dataschema;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.Fingerprint;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.registry.client.SchemaSubmission;

/**
 * What one DataSchema asks the registry to hold: its fingerprint, at a level, and the parsed schema
 * when a compatibility check needs it. Text whose fingerprint is already known is parsed only then,
 * so a resync of unchanged resources parses nothing.
 */
final class Candidate {
  /** Parses the candidate's text; it parsed before, so it parses again. */
  interface Parse {
    ParsedSchema parse() throws InvalidSchemaException;
  }

  private final String subject;
  private final SchemaSubmission submission;
  private final Fingerprint fingerprint;
  private final CompatibilityLevel level;
  private final Parse parse;
  private ParsedSchema parsed;

  private Candidate(
      String subject,
      SchemaSubmission submission,
      Fingerprint fingerprint,
      CompatibilityLevel level,
      Parse parse,
      ParsedSchema parsed) {
    this.subject = subject;
    this.submission = submission;
    this.fingerprint = fingerprint;
    this.level = level;
    this.parse = parse;
    this.parsed = parsed;
  }

  static Candidate parsed(
      String subject, SchemaSubmission submission, ParsedSchema parsed, CompatibilityLevel level) {
    return new Candidate(subject, submission, parsed.fingerprint(), level, () -> parsed, parsed);
  }

  static Candidate known(
      String subject,
      SchemaSubmission submission,
      Fingerprint fingerprint,
      CompatibilityLevel level,
      Parse parse) {
    return new Candidate(subject, submission, fingerprint, level, parse, null);
  }

  String subject() {
    return subject;
  }

  SchemaSubmission submission() {
    return submission;
  }

  Fingerprint fingerprint() {
    return fingerprint;
  }

  CompatibilityLevel level() {
    return level;
  }

  /** The parsed schema, parsed now if only its fingerprint was known. */
  ParsedSchema parsedSchema() {
    if (parsed == null) {
      try {
        parsed = parse.parse();
      } catch (InvalidSchemaException e) {
        throw new IllegalStateException("a schema that parsed before no longer parses", e);
      }
    }
    return parsed;
  }
}
