package dev.schemagate.registry.server.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A batch quality checkpoint's outcome for one DataContract, as {@code schemagate check} reported
 * it.
 *
 * @param namespace the contract's Kubernetes namespace ({@code default} when the CLI did not know)
 * @param report the whole report the CLI sent (rules, failing counts, samples)
 */
public record Checkpoint(
    long id,
    String namespace,
    String contract,
    Verdict verdict,
    Instant checkedAt,
    String source,
    long rows,
    int failedRules,
    JsonNode report) {

  public enum Verdict {
    PASSED,
    FAILED
  }
}
