package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/**
 * The team accountable for a resource.
 *
 * @param team team name, e.g. {@code payments}
 * @param contact e-mail address or chat channel
 * @param escalation where to go when the contact does not answer (DataContract)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Owner(@Required String team, String contact, String escalation) {}
