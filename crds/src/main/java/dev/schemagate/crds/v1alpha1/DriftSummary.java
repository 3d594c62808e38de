package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The latest drift report recorded for a contract ({@code schemagate monitor --registry}), as the
 * registry holds it.
 *
 * @param verdict {@code BREACHED} (a field crossed a threshold) or {@code STEADY}
 * @param at when the monitor compared (RFC 3339)
 * @param source the topic monitored
 * @param records records the monitor had read by then
 * @param breaches every threshold crossed, one per field and test
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DriftSummary(
    String verdict, String at, String source, Long records, List<Breach> breaches) {

  /**
   * A threshold crossed.
   *
   * @param test {@code psi}, {@code ks}, {@code null_rate}, {@code new_category} (value above the
   *     threshold) or {@code ks_p_value} (below)
   */
  public record Breach(String field, String test, Double value, Double threshold) {}
}
