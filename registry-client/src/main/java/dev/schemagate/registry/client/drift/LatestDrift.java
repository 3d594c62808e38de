package dev.schemagate.registry.client.drift;

import java.util.List;

/**
 * The latest drift report of a contract, as the registry summarises it.
 *
 * @param verdict {@code BREACHED} (a threshold was crossed) or {@code STEADY}
 * @param at when the monitor compared (ISO-8601 instant, as recorded)
 * @param source the topic monitored
 * @param records how many records the monitor had read
 * @param breaches every threshold crossed
 */
public record LatestDrift(
    long id,
    String namespace,
    String contract,
    String verdict,
    String at,
    String source,
    long records,
    List<Breach> breaches) {
  public LatestDrift {
    breaches = List.copyOf(breaches);
  }

  /**
   * One threshold crossed: {@code test} is psi, ks, null_rate, new_category (value above the
   * threshold) or ks_p_value (below).
   */
  public record Breach(String field, String test, double value, double threshold) {}
}
