package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/**
 * One owner's sign-off on a promotion.
 *
 * @param team the owning team that approves (matched against affected assets' owners)
 * @param by the person who approved
 * @param comment why, for the audit trail
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Approval(@Required String team, @Required String by, String comment) {}
