package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Which version goes where, and who approved it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = "self.from != self.to", message = "spec.from and spec.to must differ")
@ValidationRule(
    value =
        "self.schemaRef == oldSelf.schemaRef && self.version == oldSelf.version"
            + " && self.from == oldSelf.from && self.to == oldSelf.to",
    message = "a Promotion is immutable except for spec.approvals: create a new one")
public class PromotionSpec {
  private static final String ENVIRONMENT = "^[a-z][a-z0-9-]{0,62}$";

  @Required
  @JsonPropertyDescription("Name of the DataSchema (same namespace) to promote.")
  private String schemaRef;

  @Required
  @Min(1)
  @JsonPropertyDescription("The version of the subject in the source environment's registry.")
  private Integer version;

  @Required
  @Pattern(ENVIRONMENT)
  @JsonPropertyDescription("Source environment, e.g. dev (environments come from the operator).")
  private String from;

  @Required
  @Pattern(ENVIRONMENT)
  @JsonPropertyDescription("Target environment, e.g. staging.")
  private String to;

  @JsonPropertyDescription("Approvals from the owners of affected assets.")
  private List<Approval> approvals = new ArrayList<>();

  public String getSchemaRef() {
    return schemaRef;
  }

  public void setSchemaRef(String schemaRef) {
    this.schemaRef = schemaRef;
  }

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer version) {
    this.version = version;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public List<Approval> getApprovals() {
    return approvals;
  }

  public void setApprovals(List<Approval> approvals) {
    this.approvals = approvals == null ? new ArrayList<>() : approvals;
  }
}
