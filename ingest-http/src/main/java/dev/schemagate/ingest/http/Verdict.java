package dev.schemagate.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What the gate decided about one request body. */
public sealed interface Verdict {
  /** The body keeps the subject's latest schema and the contract's record rules. */
  record Accepted(JsonNode body, int schemaId) implements Verdict {}

  /** 400: the body is not JSON; the message names the line and column. */
  record Malformed(String message) implements Verdict {}

  /** 422: every violation, ordered by path. */
  record Rejected(int schemaId, List<Violation> violations) implements Verdict {
    public Rejected {
      violations = List.copyOf(violations);
    }
  }

  /** 503: the schema cannot be had (registry down, no such subject, not a JSON Schema). */
  record Unavailable(String message) implements Verdict {}
}
