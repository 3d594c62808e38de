package dev.schemagate.sdk.drift;

/**
 * When a field has drifted from its baseline. The same four names are used by the DataContract's
 * {@code spec.drift} (defaults and per field), the CLI's flags and the drift reports.
 *
 * @param psi population stability index above which a distribution has shifted (0.1 is commonly
 *     read as "some", 0.25 as "major" shift)
 * @param ks Kolmogorov–Smirnov statistic D (largest distance between the two cumulative
 *     distributions, 0–1) above which a numeric field has shifted
 * @param nullRate absolute change of the null rate (0–1) that counts as a breach
 * @param newCategoryShare share (0–1) of a text field's current values that the baseline never saw,
 *     above which the field has gained unexpected categories
 */
public record DriftThresholds(double psi, double ks, double nullRate, double newCategoryShare) {
  public static final DriftThresholds DEFAULTS = new DriftThresholds(0.2, 0.2, 0.1, 0.05);

  public DriftThresholds {
    if (!(psi > 0)
        || !(ks > 0 && ks <= 1)
        || !(nullRate > 0 && nullRate <= 1)
        || !(newCategoryShare > 0 && newCategoryShare <= 1)) {
      throw new IllegalArgumentException(
          ("drift thresholds: psi must be > 0, ks, nullRate and newCategoryShare in (0, 1]; got"
                  + " psi=%s ks=%s nullRate=%s newCategoryShare=%s")
              .formatted(psi, ks, nullRate, newCategoryShare));
    }
  }

  /** The default three thresholds with the default new-category share. */
  public DriftThresholds(double psi, double ks, double nullRate) {
    this(psi, ks, nullRate, DEFAULTS.newCategoryShare());
  }
}
