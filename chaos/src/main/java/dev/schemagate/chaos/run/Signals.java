package dev.schemagate.chaos.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.DoubleSupplier;

/**
 * The metrics the runbook's signals name. Counters only grow; gauges are read each sample; rates
 * ({@code <counter>_rate}) are derived per second over the last second of samples.
 */
public final class Signals {
  private final Map<String, DoubleAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

  public void add(String counter, double amount) {
    counters.computeIfAbsent(counter, c -> new DoubleAdder()).add(amount);
  }

  public void increment(String counter) {
    add(counter, 1);
  }

  public double count(String counter) {
    DoubleAdder adder = counters.get(counter);
    return adder == null ? 0 : adder.sum();
  }

  public void gauge(String name, DoubleSupplier value) {
    gauges.put(name, value);
  }

  public void set(String name, double value) {
    gauges.put(name, () -> value);
  }

  /** The current values: every counter (as {@code <name>}) and every gauge. */
  public Map<String, Double> read() {
    Map<String, Double> values = new java.util.TreeMap<>();
    counters.forEach((name, adder) -> values.put(name, adder.sum()));
    gauges.forEach(
        (name, supplier) -> {
          double value = supplier.getAsDouble();
          if (!Double.isNaN(value)) {
            values.put(name, value);
          }
        });
    return values;
  }
}
