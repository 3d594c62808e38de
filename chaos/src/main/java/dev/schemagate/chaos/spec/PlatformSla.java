package dev.schemagate.chaos.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;

/** {@code chaos/platform_sla.yaml}: the objectives every experiment is judged on. */
public record PlatformSla(int version, List<Objective> objectives) {
  @JsonCreator
  public PlatformSla(
      @JsonProperty(value = "version", required = true) int version,
      @JsonProperty(value = "objectives", required = true) List<Objective> objectives) {
    if (version != 1) {
      throw new IllegalArgumentException("version %d is not supported (only 1)".formatted(version));
    }
    this.version = version;
    this.objectives = List.copyOf(objectives);
  }

  public static PlatformSla load(Path file) {
    return SpecFiles.read(file, PlatformSla.class);
  }

  public static PlatformSla parse(String name, String text) {
    return SpecFiles.parse(name, text, PlatformSla.class);
  }
}
