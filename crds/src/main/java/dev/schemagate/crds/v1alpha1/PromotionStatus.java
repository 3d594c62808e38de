package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Phase, impact, and what was registered in the target. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PromotionStatus extends ConditionedStatus {
  private PromotionPhase phase;
  private Impact impact;
  private String fingerprint;
  private Integer targetVersion;
  private Integer targetSchemaId;

  public PromotionPhase getPhase() {
    return phase;
  }

  public void setPhase(PromotionPhase phase) {
    this.phase = phase;
  }

  public Impact getImpact() {
    return impact;
  }

  public void setImpact(Impact impact) {
    this.impact = impact;
  }

  public String getFingerprint() {
    return fingerprint;
  }

  public void setFingerprint(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  public Integer getTargetVersion() {
    return targetVersion;
  }

  public void setTargetVersion(Integer targetVersion) {
    this.targetVersion = targetVersion;
  }

  public Integer getTargetSchemaId() {
    return targetSchemaId;
  }

  public void setTargetSchemaId(Integer targetSchemaId) {
    this.targetSchemaId = targetSchemaId;
  }
}
