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

/** A request to carry one version of a DataSchema from one environment's registry to the next. */
@Group(DataSchema.GROUP)
@Version(DataSchema.VERSION)
@Kind("Promotion")
@Singular("promotion")
@Plural("promotions")
@ShortNames("promo")
@Categories("schemagate")
@AdditionalPrinterColumn(name = "Schema", jsonPath = ".spec.schemaRef", type = Type.STRING)
@AdditionalPrinterColumn(name = "Version", jsonPath = ".spec.version", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "From", jsonPath = ".spec.from", type = Type.STRING)
@AdditionalPrinterColumn(name = "To", jsonPath = ".spec.to", type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Severity",
    jsonPath = ".status.impact.severity",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class Promotion extends CustomResource<PromotionSpec, PromotionStatus>
    implements Namespaced {}
