package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator found: the registered version and id, the fingerprint of the declared content,
 * and, when refused, every breaking change. Conditions: {@code Ready}, {@code Compatible}, {@code
 * Synced}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class DataSchemaStatus extends ConditionedStatus {
  private String subject;
  private Integer version;
  private Integer schemaId;
  private String fingerprint;
  private List<BreakingChange> breakingChanges = new ArrayList<>();

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer version) {
    this.version = version;
  }

  public Integer getSchemaId() {
    return schemaId;
  }

  public void setSchemaId(Integer schemaId) {
    this.schemaId = schemaId;
  }

  public String getFingerprint() {
    return fingerprint;
  }

  public void setFingerprint(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  public List<BreakingChange> getBreakingChanges() {
    return breakingChanges;
  }

  public void setBreakingChanges(List<BreakingChange> breakingChanges) {
    this.breakingChanges = breakingChanges == null ? new ArrayList<>() : breakingChanges;
  }
}
