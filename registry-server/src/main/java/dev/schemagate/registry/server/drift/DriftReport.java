package dev.schemagate.registry.server.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What {@code schemagate monitor} found on a DataContract's topic at one comparison.
 *
 * @param namespace the contract's Kubernetes namespace
 * @param source the topic monitored
 * @param records how many records the monitor had read
 * @param breaches every threshold crossed (none: the data is steady)
 * @param report the whole report the monitor sent (every field's statistics)
 */
public record DriftReport(
    long id,
    String namespace,
    String contract,
    Instant at,
    String source,
    long records,
    List<Breach> breaches,
    JsonNode report) {
  public DriftReport {
    breaches = List.copyOf(breaches);
  }

  /** A threshold crossed by one field. */
  public record Breach(String field, Test test, double value, double threshold) {}

  /** The tests a monitor runs, by their wire names. */
  public enum Test {
    psi,
    ks,
    null_rate,
    new_category,
    ks_p_value
  }

  public String verdict() {
    return breaches.isEmpty() ? "STEADY" : "BREACHED";
  }
}
