package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/**
 * A data-quality rule.
 *
 * @param field the field it applies to; absent for table-level rules (row_count, freshness)
 * @param params rule parameters, e.g. {@code min}/{@code max} for range, {@code pattern} for regex,
 *     {@code values} (comma-separated) for accepted_values
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record QualityRule(
    String field,
    @Required QualityRuleType rule,
    Map<String, String> params,
    @Default("error") RuleSeverity severity) {}
