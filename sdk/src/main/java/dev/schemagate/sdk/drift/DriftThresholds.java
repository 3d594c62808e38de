package dev.schemagate.sdk.drift;

/**
 * When a field has drifted from its baseline. The same names are used by the DataContract's {@code
 * spec.drift} (defaults and per field), the CLI's flags and the drift reports.
 *
 * @param psi population stability index above which a distribution has shifted (0.1 is commonly
 *     read as "some", 0.25 as "major" shift)
 * @param ks Kolmogorov–Smirnov statistic D (largest distance between the two cumulative
 *     distributions, 0–1) above which a numeric field has shifted
 * @param nullRate absolute change of the null rate (0–1) that counts as a breach
 * @param newCategoryShare share (0–1) of a text field's current values that the baseline never saw,
 *     above which the field has gained unexpected categories
 * @param ksPValue when above 0: a number field whose Kolmogorov–Smirnov p-value (asymptotic) falls
 *     below it has shifted. Off by default: with windows of thousands of records even a shift
 *     nobody cares about is "significant", so the statistic {@code ks} is the usual test.
 */
public record DriftThresholds(
    double psi, double ks, double nullRate, double newCategoryShare, double ksPValue) {
  public static final DriftThresholds DEFAULTS = new DriftThresholds(0.2, 0.2, 0.1, 0.05, 0);

  public DriftThresholds {
    if (!(psi > 0)
        || !(ks > 0 && ks <= 1)
        || !(nullRate > 0 && nullRate <= 1)
        || !(newCategoryShare > 0 && newCategoryShare <= 1)
        || !(ksPValue >= 0 && ksPValue < 1)) {
      throw new IllegalArgumentException(
          ("drift thresholds: psi must be > 0, ks, nullRate and newCategoryShare in (0, 1],"
                  + " ksPValue in [0, 1); got psi=%s ks=%s nullRate=%s newCategoryShare=%s"
                  + " ksPValue=%s")
              .formatted(psi, ks, nullRate, newCategoryShare, ksPValue));
    }
  }

  /** Without the p-value test. */
  public DriftThresholds(double psi, double ks, double nullRate, double newCategoryShare) {
    this(psi, ks, nullRate, newCategoryShare, 0);
  }

  /** The three classic thresholds, the default new-category share, no p-value test. */
  public DriftThresholds(double psi, double ks, double nullRate) {
    this(psi, ks, nullRate, DEFAULTS.newCategoryShare(), 0);
  }
}
