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

/** A schema kept in Git and registered under a subject of the schema registry. */
@Group(DataSchema.GROUP)
@Version(DataSchema.VERSION)
@Kind("DataSchema")
@Singular("dataschema")
@Plural("dataschemas")
// Not "ds": kubectl resolves it to DaemonSet whatever a CRD says. "dsch" is unambiguous.
@ShortNames("dsch")
@Categories("schemagate")
@AdditionalPrinterColumn(name = "Subject", jsonPath = ".status.subject", type = Type.STRING)
@AdditionalPrinterColumn(name = "Version", jsonPath = ".status.version", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "ID", jsonPath = ".status.schemaId", type = Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Compatibility",
    jsonPath = ".spec.compatibility",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class DataSchema extends CustomResource<DataSchemaSpec, DataSchemaStatus>
    implements Namespaced {
  public static final String GROUP = "schemagate.dev";
  public static final String VERSION = "v1alpha1";

  /** The subject this resource claims: {@code spec.subject}, else its own name. */
  public String subject() {
    String declared = getSpec() == null ? null : getSpec().getSubject();
    return declared == null || declared.isBlank() ? getMetadata().getName() : declared;
  }
}
