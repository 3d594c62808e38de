package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * A status condition in the Kubernetes convention (the shape of {@code metav1.Condition}).
 *
 * @param type e.g. {@code Ready}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason CamelCase, machine-readable
 * @param message what happened and what to do about it, for a person
 * @param lastTransitionTime RFC 3339 time of the last change of {@code status}
 * @param observedGeneration the {@code metadata.generation} this condition was computed for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
    @Required String type,
    @Required @Pattern("^(True|False|Unknown)$") String status,
    @Required @Pattern("^[A-Z][A-Za-z0-9]*$") String reason,
    String message,
    @Required String lastTransitionTime,
    Long observedGeneration) {

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  @JsonIgnore
  public boolean isTrue() {
    return TRUE.equals(status);
  }
}
