package dev.schemagate.chaos.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code chaos/runbook.yaml}: one scenario per experiment, keyed by the experiment's name. */
public record Runbook(int version, Map<String, Scenario> scenarios) {
  @JsonCreator
  public Runbook(
      @JsonProperty(value = "version", required = true) int version,
      @JsonProperty(value = "scenarios", required = true) Map<String, Scenario> scenarios) {
    if (version != 1) {
      throw new IllegalArgumentException("version %d is not supported (only 1)".formatted(version));
    }
    this.version = version;
    this.scenarios = new LinkedHashMap<>(scenarios);
  }

  public Optional<Scenario> scenario(String experiment) {
    return Optional.ofNullable(scenarios.get(experiment));
  }

  public static Runbook load(Path file) {
    return SpecFiles.read(file, Runbook.class);
  }

  public static Runbook parse(String name, String text) {
    return SpecFiles.parse(name, text, Runbook.class);
  }
}
