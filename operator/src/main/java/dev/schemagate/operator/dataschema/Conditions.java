package dev.schemagate.operator.dataschema;

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
final class Conditions {
  static final String READY = "Ready";
  static final String COMPATIBLE = "Compatible";
  static final String SYNCED = "Synced";

  private final Map<String, Condition> previous = new LinkedHashMap<>();
  private final Map<String, Condition> next = new LinkedHashMap<>();
  private final long generation;
  private final Clock clock;

  Conditions(List<Condition> previous, long generation, Clock clock) {
    previous.forEach(c -> this.previous.put(c.type(), c));
    this.generation = generation;
    this.clock = clock;
  }

  Conditions set(String type, boolean status, Reason reason, String message) {
    return set(type, status ? Condition.TRUE : Condition.FALSE, reason, message);
  }

  Conditions unknown(String type, Reason reason, String message) {
    return set(type, Condition.UNKNOWN, reason, message);
  }

  /** Carries a condition over unchanged (e.g. while paused). */
  Conditions keep(String type) {
    Condition old = previous.get(type);
    if (old != null) {
      next.put(type, old);
    }
    return this;
  }

  private Conditions set(String type, String status, Reason reason, String message) {
    Condition old = previous.get(type);
    String since =
        old != null && old.status().equals(status)
            ? old.lastTransitionTime()
            : clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    next.put(type, new Condition(type, status, reason.name(), message, since, generation));
    return this;
  }

  List<Condition> build() {
    return new ArrayList<>(next.values());
  }
}
