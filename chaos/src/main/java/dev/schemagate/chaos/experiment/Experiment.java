package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.spec.Stage;
import java.util.Map;

/**
 * One chaos experiment: the steady state it expects, the fault it injects, and what it does at each
 * runbook stage (the stage's action, taken when the stage's signal fired). The shared machinery —
 * workload, signals, verification by record keys — is in {@link Run}.
 */
public sealed interface Experiment
    permits RegistryOutage, DeserializationErrors, ConsumerLag, DependencyLost {

  String name();

  String hypothesis();

  String fault();

  /** Starts the producers and consumers of the steady state. */
  void start(Run run) throws Exception;

  /** Whether the steady state holds, judged on the current signal values. */
  boolean steady(Map<String, Double> signals);

  void inject(Run run) throws Exception;

  /** The runbook action of this stage, as the experiment performs it. */
  void act(Run run, Stage stage) throws Exception;

  /** Measurements beyond the shared ones (time to detect/recover, lost, duplicated, replay). */
  default void measure(Run run, Map<String, Double> measurements) {}

  /** Whether the registry's write path is probed (PostgreSQL loss). */
  default boolean probesWrites() {
    return false;
  }

  static Map<String, Experiment> all() {
    var all = new java.util.LinkedHashMap<String, Experiment>();
    for (Experiment e :
        java.util.List.of(
            new RegistryOutage(),
            new DeserializationErrors(),
            new ConsumerLag(),
            new PostgresLost(),
            new RedisLost())) {
      all.put(e.name(), e);
    }
    return all;
  }
}
