package dev.schemagate.webhooks.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.contract.ContractReader;
import dev.schemagate.core.contract.ContractValidator;
import dev.schemagate.core.contract.ContractViolation;
import dev.schemagate.core.contract.InvalidContractException;
import dev.schemagate.core.review.Decision;
import dev.schemagate.core.review.DenialReason;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaParser;
import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.webhooks.admission.Admission;
import dev.schemagate.webhooks.admission.AdmissionReviewer;
import dev.schemagate.webhooks.admission.WebhookException;
import dev.schemagate.webhooks.kubernetes.ClusterReader;
import dev.schemagate.webhooks.registry.RegistryGateway;
import dev.schemagate.webhooks.resources.SpecReader.InvalidSpec;
import java.util.List;
import java.util.Optional;

/**
 * DataContract: its {@code schemaRef} names a DataSchema in the namespace, every field its rules,
 * consumers and drift thresholds name exists in that schema, rule parameters suit their rule, an
 * owner is given.
 */
public final class DataContractReviewer implements AdmissionReviewer {
  private final ClusterReader cluster;
  private final SchemaParser parser;
  private final SchemaSources sources;

  public DataContractReviewer(
      ClusterReader cluster, RegistryGateway registry, SchemaParser parser) {
    this.cluster = cluster;
    this.parser = parser;
    this.sources = new SchemaSources(cluster, registry);
  }

  @Override
  public String kind() {
    return "DataContract";
  }

  @Override
  public Decision review(Admission admission) throws WebhookException {
    if (admission.isDelete() || admission.subResource().isPresent()) {
      return Decision.allow();
    }
    Optional<JsonNode> object = admission.object();
    if (object.isEmpty()) {
      return Decision.deny(DenialReason.BAD_REQUEST, "the request carries no object");
    }
    Contract contract;
    List<String> driftFields;
    try {
      // Bound to the crds model first (as the operator receives it), then read by core's
      // ContractReader from the model, so webhook and operator see the same spec.
      DataContract model = ModelReader.read(object.get(), DataContract.class);
      contract = ContractReader.read(ModelReader.tree(model.getSpec()));
      driftFields =
          model.getSpec().getDrift() == null ? List.of() : model.getSpec().getDrift().fieldNames();
    } catch (InvalidSpec wrongShape) {
      return Decision.deny(
          DenialReason.INVALID_CONTRACT,
          ContractValidator.message(
              schemaRef(object.get()),
              List.of(
                  new ContractViolation(
                      wrongShape.path().isEmpty()
                          ? "spec"
                          : wrongShape.path().replaceFirst("^spec\\.", ""),
                      wrongShape.detail()))));
    } catch (InvalidContractException invalid) {
      return Decision.deny(
          DenialReason.INVALID_CONTRACT,
          ContractValidator.message(schemaRef(object.get()), invalid.violations()));
    }
    Optional<JsonNode> dataSchema = cluster.dataSchema(admission.namespace(), contract.schemaRef());
    if (dataSchema.isEmpty()) {
      return Decision.deny(
          DenialReason.NOT_FOUND,
          "schemaRef: there is no DataSchema \"%s\" in namespace \"%s\""
              .formatted(contract.schemaRef(), admission.namespace()));
    }
    DataSchemaSpec spec;
    try {
      spec = DataSchemaSpec.read(dataSchema.get());
    } catch (InvalidSpec invalid) {
      return Decision.deny(
          DenialReason.NOT_FOUND,
          "schemaRef: the DataSchema \"%s\" is itself invalid: %s"
              .formatted(contract.schemaRef(), invalid.getMessage()));
    }
    ParsedSchema schema;
    switch (sources.resolve(admission.namespace(), spec)) {
      case SchemaSources.Resolved.Missing missing -> {
        return missing.denial();
      }
      case SchemaSources.Resolved.Found found -> {
        try {
          schema = parser.parse(spec.format(), found.source().text(), found.source().references());
        } catch (InvalidSchemaException invalid) {
          return Decision.deny(
              DenialReason.NOT_FOUND,
              "schemaRef: the schema of DataSchema \"%s\" does not parse: %s"
                  .formatted(contract.schemaRef(), invalid.getMessage()));
        }
      }
    }
    return ContractValidator.review(contract, schema, driftFields);
  }

  private static String schemaRef(JsonNode object) {
    return object.path("spec").path("schemaRef").asText("?");
  }
}
