package dev.schemagate.sdk.drift;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/** Population stability index and the Kolmogorov–Smirnov statistic between two samples. */
final class Distributions {
  /** Keeps empty bins from dividing by zero or taking log(0). */
  private static final double EPSILON = 1e-4;

  private static final int BINS = 10;

  private Distributions() {}

  /** PSI over ten bins cut at the baseline's deciles; both arrays sorted. */
  static double psi(double[] baseline, double[] current) {
    if (baseline.length == 0 || current.length == 0) {
      return 0;
    }
    double[] cuts = new double[BINS - 1];
    for (int i = 1; i < BINS; i++) {
      cuts[i - 1] = baseline[(int) ((long) i * (baseline.length - 1) / BINS)];
    }
    return psiOfShares(shares(baseline, cuts), shares(current, cuts));
  }

  private static double[] shares(double[] sorted, double[] cuts) {
    double[] counts = new double[cuts.length + 1];
    int bin = 0;
    for (double v : sorted) {
      while (bin < cuts.length && v > cuts[bin]) {
        bin++;
      }
      counts[bin]++;
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] /= sorted.length;
    }
    return counts;
  }

  /** PSI over categories: the baseline's, plus every new one the current window brings. */
  static double psi(Map<String, Integer> baseline, Map<String, Integer> current) {
    Set<String> keys = new HashSet<>(baseline.keySet());
    keys.addAll(current.keySet());
    double b = baseline.values().stream().mapToInt(Integer::intValue).sum();
    double c = current.values().stream().mapToInt(Integer::intValue).sum();
    if (b == 0 || c == 0) {
      return 0;
    }
    Map<String, double[]> pairs = new HashMap<>();
    for (String key : keys) {
      pairs.put(
          key, new double[] {baseline.getOrDefault(key, 0) / b, current.getOrDefault(key, 0) / c});
    }
    double psi = 0;
    for (double[] p : pairs.values()) {
      psi += term(p[0], p[1]);
    }
    return psi;
  }

  private static double psiOfShares(double[] expected, double[] actual) {
    double psi = 0;
    for (int i = 0; i < expected.length; i++) {
      psi += term(expected[i], actual[i]);
    }
    return psi;
  }

  private static double term(double expected, double actual) {
    double e = Math.max(expected, EPSILON);
    double a = Math.max(actual, EPSILON);
    return (a - e) * Math.log(a / e);
  }

  /** The asymptotic p-value of a KS statistic {@code d} between samples of these sizes. */
  static double ksPValue(double d, int n, int m) {
    if (n < 2 || m < 2) {
      return 1;
    }
    return new KolmogorovSmirnovTest().approximateP(d, n, m);
  }

  static double ks(double[] baseline, double[] current) {
    if (baseline.length < 2 || current.length < 2) {
      return 0;
    }
    return new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(baseline, current);
  }
}
