package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** What a DataSchema declares. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
    value = "has(self.schema) != has(self.schemaFrom)",
    message = "set exactly one of spec.schema (inline text) or spec.schemaFrom.configMapKeyRef")
@ValidationRule(
    value =
        "has(self.subject) == has(oldSelf.subject)"
            + " && (!has(self.subject) || self.subject == oldSelf.subject)",
    message = "spec.subject is immutable: create a new DataSchema for another subject")
@ValidationRule(
    value = "self.format == oldSelf.format",
    message = "spec.format is immutable: create a new DataSchema for another format")
public class DataSchemaSpec {
  @JsonPropertyDescription("Registry subject; defaults to metadata.name. Immutable.")
  @Pattern("^[A-Za-z0-9][A-Za-z0-9._:-]*$")
  @Size(max = 255)
  private String subject;

  @Required
  @JsonPropertyDescription("Schema language: AVRO or JSON (JSON Schema). Immutable.")
  private SchemaFormatType format;

  @JsonPropertyDescription("The schema text, inline. Exactly one of schema or schemaFrom.")
  @Size(min = 1, max = 1048576)
  private String schema;

  @JsonPropertyDescription("Read the schema text from a ConfigMap key in this namespace.")
  private SchemaSource schemaFrom;

  @Default("BACKWARD")
  @JsonPropertyDescription("Compatibility level the subject is held to (default BACKWARD).")
  private Compatibility compatibility = Compatibility.BACKWARD;

  @JsonPropertyDescription("Confluent schema references to other subjects.")
  private List<SchemaReferenceSpec> references = new ArrayList<>();

  @JsonPropertyDescription("The team accountable for this schema.")
  private Owner owner;

  @Default("Retain")
  @JsonPropertyDescription(
      "Retain (default) leaves the registry alone on delete; Delete soft-deletes.")
  private DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public SchemaFormatType getFormat() {
    return format;
  }

  public void setFormat(SchemaFormatType format) {
    this.format = format;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public SchemaSource getSchemaFrom() {
    return schemaFrom;
  }

  public void setSchemaFrom(SchemaSource schemaFrom) {
    this.schemaFrom = schemaFrom;
  }

  public Compatibility getCompatibility() {
    return compatibility;
  }

  public void setCompatibility(Compatibility compatibility) {
    this.compatibility = compatibility;
  }

  public List<SchemaReferenceSpec> getReferences() {
    return references;
  }

  public void setReferences(List<SchemaReferenceSpec> references) {
    this.references = references == null ? new ArrayList<>() : references;
  }

  public Owner getOwner() {
    return owner;
  }

  public void setOwner(Owner owner) {
    this.owner = owner;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }
}
