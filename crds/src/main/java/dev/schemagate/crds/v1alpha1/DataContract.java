package dev.schemagate.crds.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A domain's promise about a DataSchema: owners, quality rules, SLA and declared consumers. */
@Group(DataSchema.GROUP)
@Version(DataSchema.VERSION)
@Kind("DataContract")
@Singular("datacontract")
@Plural("datacontracts")
@ShortNames("dc")
@Categories("schemagate")
@AdditionalPrinterColumn(name = "Schema", jsonPath = ".spec.schemaRef", type = Type.STRING)
@AdditionalPrinterColumn(name = "Domain", jsonPath = ".spec.domain", type = Type.STRING)
@AdditionalPrinterColumn(name = "Owner", jsonPath = ".spec.owner.team", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Schema-Version",
    jsonPath = ".status.schemaVersion",
    type = Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Valid",
    jsonPath = ".status.conditions[?(@.type==\"Valid\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Checkpoint",
    jsonPath = ".status.lastCheckpoint.verdict",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Drift",
    jsonPath = ".status.lastDrift.verdict",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class DataContract extends CustomResource<DataContractSpec, DataContractStatus>
    implements Namespaced {}
