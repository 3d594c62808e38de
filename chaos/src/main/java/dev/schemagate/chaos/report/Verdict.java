package dev.schemagate.chaos.report;

import dev.schemagate.chaos.spec.Objective;
import java.util.OptionalDouble;

/** One SLA objective judged on one experiment's measured value (absent: not measured, missed). */
public record Verdict(Objective objective, OptionalDouble measured, boolean met) {
  public static Verdict judge(Objective objective, Double value) {
    if (value == null || value.isNaN()) {
      return new Verdict(objective, OptionalDouble.empty(), false);
    }
    return new Verdict(
        objective, OptionalDouble.of(value), objective.op().holds(value, objective.target()));
  }
}
