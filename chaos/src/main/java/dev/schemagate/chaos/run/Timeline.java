package dev.schemagate.chaos.run;

import dev.schemagate.chaos.spec.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happened in one experiment, in milliseconds since it started: events (fault injected,
 * actions taken), stage marks (which signal reached which runbook stage), and metric samples.
 */
public final class Timeline {
  public record Event(long atMs, String kind, String detail) {}

  public record Sample(long atMs, Map<String, Double> values) {}

  public record StageMark(Stage stage, long atMs, String signal, double value) {}

  private final long startNanos = System.nanoTime();
  private final List<Event> events = new ArrayList<>();
  private final List<Sample> samples = new ArrayList<>();
  private final List<StageMark> stages = new ArrayList<>();

  public long nowMs() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  public synchronized Event event(String kind, String detail) {
    var event = new Event(nowMs(), kind, detail);
    events.add(event);
    return event;
  }

  synchronized void sample(Sample sample) {
    samples.add(sample);
  }

  synchronized void mark(StageMark mark) {
    stages.add(mark);
  }

  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  public synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  public synchronized List<StageMark> stages() {
    return List.copyOf(stages);
  }

  public synchronized Optional<Event> first(String kind) {
    return events.stream().filter(e -> e.kind().equals(kind)).findFirst();
  }

  public synchronized Optional<StageMark> stage(Stage stage) {
    return stages.stream().filter(m -> m.stage() == stage).findFirst();
  }
}
