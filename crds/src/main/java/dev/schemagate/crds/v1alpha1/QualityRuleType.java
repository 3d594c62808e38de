package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of data-quality rule a contract may declare. */
public enum QualityRuleType {
  @JsonProperty("not_null")
  NOT_NULL,
  @JsonProperty("unique")
  UNIQUE,
  @JsonProperty("accepted_values")
  ACCEPTED_VALUES,
  @JsonProperty("range")
  RANGE,
  @JsonProperty("regex")
  REGEX,
  @JsonProperty("row_count")
  ROW_COUNT,
  @JsonProperty("freshness")
  FRESHNESS
}
