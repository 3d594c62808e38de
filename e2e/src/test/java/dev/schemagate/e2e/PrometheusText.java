package dev.schemagate.e2e;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of one metric family from a Prometheus text exposition, summed by a key made of their
 * labels: enough for a benchmark to count requests by verb or route between two scrapes.
 */
record PrometheusText(Map<String, Double> byKey) {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? ([-+0-9.eE]+|NaN|[+-]Inf)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

  static PrometheusText of(
      String exposition, String metric, Function<Map<String, String>, String> key) {
    Map<String, Double> sums = new TreeMap<>();
    for (String line : exposition.split("\n")) {
      if (!line.startsWith(metric)) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line.strip());
      if (!sample.matches() || !sample.group(1).equals(metric)) {
        continue;
      }
      Map<String, String> labels = new HashMap<>();
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      String k = key.apply(labels);
      if (k != null) {
        sums.merge(k, Double.parseDouble(sample.group(4)), Double::sum);
      }
    }
    return new PrometheusText(sums);
  }

  /** What grew from {@code before} to this scrape, keys that did not grow left out. */
  Map<String, Long> since(PrometheusText before) {
    Map<String, Long> grown = new TreeMap<>();
    byKey.forEach(
        (k, v) -> {
          long delta = Math.round(v - before.byKey.getOrDefault(k, 0.0));
          if (delta > 0) {
            grown.put(k, delta);
          }
        });
    return grown;
  }

  double total() {
    return byKey.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
