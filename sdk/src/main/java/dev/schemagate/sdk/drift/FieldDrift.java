package dev.schemagate.sdk.drift;

import java.util.List;
import java.util.Optional;

/**
 * One field's statistics in the current window against the baseline, and what breached.
 *
 * @param distinct estimated distinct values in the current window
 * @param quantiles p50, p95 of the current window (numeric fields)
 * @param ks the Kolmogorov–Smirnov statistic D (numeric fields)
 * @param topCategories the most frequent values of the current window with their share
 */
public record FieldDrift(
    String field,
    double baselineNullRate,
    double nullRate,
    long distinct,
    Optional<double[]> quantiles,
    double psi,
    Optional<Double> ks,
    List<String> topCategories,
    List<Breach> breaches) {
  public FieldDrift {
    topCategories = List.copyOf(topCategories);
    breaches = List.copyOf(breaches);
  }

  /**
   * A threshold crossed: {@code psi}, {@code ks}, {@code null_rate}, {@code new_category} above
   * theirs, or {@code ks_p_value} below its.
   */
  public record Breach(String test, double value, double threshold) {
    @Override
    public String toString() {
      return "%s %.4f %s %.4f"
          .formatted(test, value, test.equals("ks_p_value") ? "<" : ">", threshold);
    }
  }
}
