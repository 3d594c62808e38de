package dev.schemagate.registry.client.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The latest checkpoint of a contract, as the registry summarises it.
 *
 * @param verdict {@code PASSED} or {@code FAILED}
 * @param at when the check ran (ISO-8601 instant, as recorded)
 * @param failedRules how many of the report's rules failed
 * @param report the whole report the CLI sent
 */
public record LatestCheckpoint(
    long id,
    String namespace,
    String contract,
    String verdict,
    String at,
    String source,
    long rows,
    int failedRules,
    JsonNode report) {}
