package dev.schemagate.chaos.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/** A metric crossing a threshold: what marks a runbook stage as reached. */
public record Signal(String metric, Comparison op, double threshold) {
  @JsonCreator
  public Signal(
      @JsonProperty(value = "metric", required = true) String metric,
      @JsonProperty(value = "op", required = true) Comparison op,
      @JsonProperty(value = "threshold", required = true) double threshold) {
    if (metric == null || metric.isBlank()) {
      throw new IllegalArgumentException("metric must name a signal, e.g. consumer_lag");
    }
    this.metric = metric;
    this.op = Objects.requireNonNull(op, "op");
    this.threshold = threshold;
  }

  /** Whether the signal fires on these metric values; a metric not (yet) measured never fires. */
  public boolean firesOn(Map<String, Double> metrics) {
    Double value = metrics.get(metric);
    return value != null && op.holds(value, threshold);
  }

  @Override
  public String toString() {
    return "%s %s %s".formatted(metric, op.symbol(), Numbers.plain(threshold));
  }
}
