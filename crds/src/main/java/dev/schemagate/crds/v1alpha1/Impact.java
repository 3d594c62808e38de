package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The graded downstream impact of a promoted change.
 *
 * @param reason why this severity, in words
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Impact(Severity severity, String reason, List<AffectedAsset> affectedAssets) {}
