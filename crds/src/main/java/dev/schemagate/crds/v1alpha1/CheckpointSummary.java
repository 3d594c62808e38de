package dev.schemagate.crds.v1alpha1;

/**
 * The latest batch quality checkpoint recorded for a contract ({@code schemagate check
 * --registry}), as the registry holds it.
 *
 * @param verdict {@code PASSED} or {@code FAILED} (a rule of severity error failed)
 * @param checkedAt when the check ran (RFC 3339)
 * @param source the table or file checked
 * @param rows how many rows were checked
 * @param failedRules how many rules failed, warnings included
 */
public record CheckpointSummary(
    String verdict, String checkedAt, String source, Long rows, Integer failedRules) {}
