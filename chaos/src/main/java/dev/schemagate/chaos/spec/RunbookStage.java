package dev.schemagate.chaos.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * One stage of a scenario: the signal that marks it reached, the action a person takes then (a
 * command they can run), who owns it, and how long after the fault it may take at most.
 */
public record RunbookStage(
    Stage stage, Signal signal, String action, String owner, Duration budget) {
  @JsonCreator
  public RunbookStage(
      @JsonProperty(value = "stage", required = true) Stage stage,
      @JsonProperty(value = "signal", required = true) Signal signal,
      @JsonProperty(value = "action", required = true) String action,
      @JsonProperty(value = "owner", required = true) String owner,
      @JsonProperty(value = "budget", required = true) String budget) {
    this(stage, signal, action, owner, Durations.parse(budget));
    if (action.isBlank() || owner.isBlank()) {
      throw new IllegalArgumentException("action and owner must not be empty");
    }
  }
}
