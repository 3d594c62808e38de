package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema version the contract was resolved against, every problem found, the latest batch
 * checkpoint and the latest drift report. Conditions: {@code Valid}, {@code SchemaResolved}, {@code
 * Ready}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class DataContractStatus extends ConditionedStatus {
  private String schemaSubject;
  private Integer schemaVersion;
  private String schemaFingerprint;
  private List<ContractProblem> problems = new ArrayList<>();
  private CheckpointSummary lastCheckpoint;
  private DriftSummary lastDrift;

  public String getSchemaSubject() {
    return schemaSubject;
  }

  public void setSchemaSubject(String schemaSubject) {
    this.schemaSubject = schemaSubject;
  }

  public Integer getSchemaVersion() {
    return schemaVersion;
  }

  public void setSchemaVersion(Integer schemaVersion) {
    this.schemaVersion = schemaVersion;
  }

  public String getSchemaFingerprint() {
    return schemaFingerprint;
  }

  public void setSchemaFingerprint(String schemaFingerprint) {
    this.schemaFingerprint = schemaFingerprint;
  }

  public List<ContractProblem> getProblems() {
    return problems;
  }

  public void setProblems(List<ContractProblem> problems) {
    this.problems = problems == null ? new ArrayList<>() : problems;
  }

  /** The latest batch quality checkpoint the registry holds for this contract, if any. */
  public CheckpointSummary getLastCheckpoint() {
    return lastCheckpoint;
  }

  public void setLastCheckpoint(CheckpointSummary lastCheckpoint) {
    this.lastCheckpoint = lastCheckpoint;
  }

  /** The latest drift report the registry holds for this contract, if any. */
  public DriftSummary getLastDrift() {
    return lastDrift;
  }

  public void setLastDrift(DriftSummary lastDrift) {
    this.lastDrift = lastDrift;
  }
}
