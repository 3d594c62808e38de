package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a schema was refused.
 *
 * @param path where in the schema, e.g. {@code /fields/amount/type}
 * @param kind the named change, e.g. {@code FIELD_REMOVED}
 * @param message what breaks
 * @param suggestedFix how to make it compatible, where there is a known way
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BreakingChange(String path, String kind, String message, String suggestedFix) {}
