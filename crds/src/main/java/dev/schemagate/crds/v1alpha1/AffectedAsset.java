package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An asset a promoted change reaches downstream.
 *
 * @param kind e.g. {@code dbt_model}, {@code dashboard}
 * @param paths how the change reaches it, one path per line of lineage (field → ... → asset)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AffectedAsset(
    String name, String kind, String owner, Criticality criticality, List<String> paths) {}
