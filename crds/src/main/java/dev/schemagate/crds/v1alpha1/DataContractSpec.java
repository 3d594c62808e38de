package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.List;

/** What a DataContract declares, aligned with the Open Data Contract Standard where it fits. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class DataContractSpec {
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of the DataSchema (same namespace) this contract is about.")
  private String schemaRef;

  @Required private Owner owner;
  private String domain;
  private String description;
  private List<FieldSpec> fields = new ArrayList<>();
  private List<QualityRule> quality = new ArrayList<>();
  private Sla sla;
  private List<Consumer> consumers = new ArrayList<>();
  private Enforcement enforcement;

  @JsonPropertyDescription(
      "When the data on the contract's topic counts as drifted (schemagate monitor).")
  private Drift drift;

  public String getSchemaRef() {
    return schemaRef;
  }

  public void setSchemaRef(String schemaRef) {
    this.schemaRef = schemaRef;
  }

  public Owner getOwner() {
    return owner;
  }

  public void setOwner(Owner owner) {
    this.owner = owner;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<FieldSpec> getFields() {
    return fields;
  }

  public void setFields(List<FieldSpec> fields) {
    this.fields = fields == null ? new ArrayList<>() : fields;
  }

  public List<QualityRule> getQuality() {
    return quality;
  }

  public void setQuality(List<QualityRule> quality) {
    this.quality = quality == null ? new ArrayList<>() : quality;
  }

  public Sla getSla() {
    return sla;
  }

  public void setSla(Sla sla) {
    this.sla = sla;
  }

  public List<Consumer> getConsumers() {
    return consumers;
  }

  public void setConsumers(List<Consumer> consumers) {
    this.consumers = consumers == null ? new ArrayList<>() : consumers;
  }

  public Enforcement getEnforcement() {
    return enforcement;
  }

  public void setEnforcement(Enforcement enforcement) {
    this.enforcement = enforcement;
  }

  public Drift getDrift() {
    return drift;
  }

  public void setDrift(Drift drift) {
    this.drift = drift;
  }
}
