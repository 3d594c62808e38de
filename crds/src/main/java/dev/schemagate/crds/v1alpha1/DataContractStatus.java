package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema version the contract was resolved against and every problem found. Conditions: {@code
 * Valid}, {@code SchemaResolved}, {@code Ready}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class DataContractStatus extends ConditionedStatus {
  private String schemaSubject;
  private Integer schemaVersion;
  private String schemaFingerprint;
  private List<ContractProblem> problems = new ArrayList<>();

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
}
