package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How much it hurts when a consumer breaks. */
public enum Criticality {
  @JsonProperty("low")
  LOW,
  @JsonProperty("medium")
  MEDIUM,
  @JsonProperty("high")
  HIGH,
  @JsonProperty("critical")
  CRITICAL
}
