package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What every schemagate status has: the generation it reflects and its conditions (kstatus). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class ConditionedStatus {
  private Long observedGeneration;
  private List<Condition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
  }

  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /** True when the {@code Ready} condition is True and reflects the given generation. */
  public boolean isReadyFor(long generation) {
    return observedGeneration != null
        && observedGeneration == generation
        && condition("Ready").map(Condition::isTrue).orElse(false);
  }
}
