package dev.schemagate.operator.status;

import dev.schemagate.crds.v1alpha1.Condition;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a conditions list from the previous one: a condition whose status does not change keeps
 * its {@code lastTransitionTime}, as the Kubernetes convention requires. The one condition helper
 * of the three kinds; reasons come from each kind's {@code Reason} enum.
 */
public final class Conditions {
  /** kstatus' summary condition, on every kind. */
  public static final String READY = "Ready";

  private final Map<String, Condition> previous = new LinkedHashMap<>();
  private final Map<String, Condition> next = new LinkedHashMap<>();
  private final long generation;
  private final Clock clock;

  public Conditions(List<Condition> previous, Long generation, Clock clock) {
    previous.forEach(c -> this.previous.put(c.type(), c));
    this.generation = generation == null ? 0 : generation;
    this.clock = clock;
  }

  public Conditions set(String type, boolean status, ConditionReason reason, String message) {
    return set(type, status ? Condition.TRUE : Condition.FALSE, reason, message);
  }

  public Conditions unknown(String type, ConditionReason reason, String message) {
    return set(type, Condition.UNKNOWN, reason, message);
  }

  /** Carries a condition over unchanged (e.g. while paused). */
  public Conditions keep(String type) {
    Condition old = previous.get(type);
    if (old != null) {
      next.put(type, old);
    }
    return this;
  }

  private Conditions set(String type, String status, ConditionReason reason, String message) {
    Condition old = previous.get(type);
    String since =
        old != null && old.status().equals(status)
            ? old.lastTransitionTime()
            : clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    next.put(type, new Condition(type, status, reason.name(), message, since, generation));
    return this;
  }

  public List<Condition> build() {
    return new ArrayList<>(next.values());
  }
}
