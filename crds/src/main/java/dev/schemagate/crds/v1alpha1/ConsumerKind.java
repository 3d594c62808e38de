package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of asset reads the data. */
public enum ConsumerKind {
  @JsonProperty("dbt_model")
  DBT_MODEL,
  @JsonProperty("dashboard")
  DASHBOARD,
  @JsonProperty("service")
  SERVICE,
  @JsonProperty("ml_model")
  ML_MODEL
}
