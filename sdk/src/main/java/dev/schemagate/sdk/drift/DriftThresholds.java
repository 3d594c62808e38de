package dev.schemagate.sdk.drift;

/**
 * When a field has drifted from its baseline.
 *
 * @param psi population stability index above which a distribution has shifted (0.1 is commonly
 *     read as "some", 0.25 as "major" shift)
 * @param ks Kolmogorov–Smirnov statistic D (largest distance between the two cumulative
 *     distributions, 0–1) above which a numeric field has shifted
 * @param nullRate absolute change of the null rate (0–1) that counts as a breach
 */
public record DriftThresholds(double psi, double ks, double nullRate) {
  public static final DriftThresholds DEFAULTS = new DriftThresholds(0.2, 0.2, 0.1);

  public DriftThresholds {
    if (!(psi > 0) || !(ks > 0 && ks <= 1) || !(nullRate > 0 && nullRate <= 1)) {
      throw new IllegalArgumentException(
          "drift thresholds: psi must be > 0, ks and nullRate in (0, 1]; got psi=%s ks=%s nullRate=%s"
              .formatted(psi, ks, nullRate));
    }
  }
}
