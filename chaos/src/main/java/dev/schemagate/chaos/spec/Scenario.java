package dev.schemagate.chaos.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The runbook for one kind of incident: exactly the five stages, in order. */
public record Scenario(String title, List<RunbookStage> stages) {
  @JsonCreator
  public Scenario(
      @JsonProperty(value = "title", required = true) String title,
      @JsonProperty(value = "stages", required = true) List<RunbookStage> stages) {
    this.title = title;
    this.stages = List.copyOf(stages);
    var expected = List.of(Stage.values());
    var actual = this.stages.stream().map(RunbookStage::stage).toList();
    if (!actual.equals(expected)) {
      throw new IllegalArgumentException(
          "stages must be detect, assess, contain, recover, post-mortem in that order, found "
              + actual.stream().map(Stage::label).toList());
    }
  }

  public RunbookStage stage(Stage stage) {
    return stages.get(stage.ordinal());
  }
}
