package dev.schemagate.chaos.experiment;

import dev.schemagate.chaos.run.Timeline;
import java.util.List;
import java.util.Map;

/** What one experiment measured: its timeline, measurements by name, and notes for people. */
public record ExperimentResult(
    String name,
    String hypothesis,
    String fault,
    boolean steadyStateHeld,
    Timeline timeline,
    Map<String, Double> measurements,
    Map<String, Object> accounting,
    List<String> notes) {}
