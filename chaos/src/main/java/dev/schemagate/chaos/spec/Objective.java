package dev.schemagate.chaos.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One SLA objective: a measured metric compared with a target, in the experiments named (or {@code
 * all}).
 */
public record Objective(
    String name,
    String description,
    String metric,
    Comparison op,
    double target,
    List<String> experiments) {
  @JsonCreator
  public Objective(
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "description", required = true) String description,
      @JsonProperty(value = "metric", required = true) String metric,
      @JsonProperty(value = "op", required = true) Comparison op,
      @JsonProperty(value = "target", required = true) double target,
      @JsonProperty(value = "experiments", required = true) List<String> experiments) {
    this.name = name;
    this.description = description;
    this.metric = metric;
    this.op = op;
    this.target = target;
    this.experiments = List.copyOf(experiments);
    if (this.experiments.isEmpty()) {
      throw new IllegalArgumentException("experiments must name at least one experiment, or all");
    }
  }

  public boolean appliesTo(String experiment) {
    return experiments.contains("all") || experiments.contains(experiment);
  }
}
