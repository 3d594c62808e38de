package dev.schemagate.operator.contract;

import dev.schemagate.crds.v1alpha1.Condition;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a conditions list from the previous one: a condition whose status does not change keeps
 * its {@code lastTransitionTime}, as the Kubernetes convention requires.
 */
public final class StatusConditions {
  private final Map<String, Condition> previous = new LinkedHashMap<>();
  private final Map<String, Condition> next = new LinkedHashMap<>();
  private final long generation;
  private final Clock clock;

  public StatusConditions(List<Condition> previous, Long generation, Clock clock) {
    previous.forEach(c -> this.previous.put(c.type(), c));
    this.generation = generation == null ? 0 : generation;
    this.clock = clock;
  }

  public StatusConditions set(String type, boolean status, String reason, String message) {
    return set(type, status ? Condition.TRUE : Condition.FALSE, reason, message);
  }

  public StatusConditions unknown(String type, String reason, String message) {
    return set(type, Condition.UNKNOWN, reason, message);
  }

  private StatusConditions set(String type, String status, String reason, String message) {
    Condition old = previous.get(type);
    String since =
        old != null && old.status().equals(status)
            ? old.lastTransitionTime()
            : clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    next.put(type, new Condition(type, status, reason, message, since, generation));
    return this;
  }

  public List<Condition> build() {
    return new ArrayList<>(next.values());
  }
}
