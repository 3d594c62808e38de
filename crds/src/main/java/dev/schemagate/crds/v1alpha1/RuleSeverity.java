package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a failed quality rule fails the pipeline or only warns. */
public enum RuleSeverity {
  @JsonProperty("error")
  ERROR,
  @JsonProperty("warn")
  WARN
}
