package dev.schemagate.cli.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * One document of a (multi-document) YAML file, with the line where each scalar value starts, so a
 * report can point at the line of an offending field.
 *
 * @param root the document's content
 * @param line the 1-based line where the document starts
 * @param valueLines JSON pointer of each scalar value ({@code /spec/schema}) to its 1-based line
 * @param blockScalars pointers whose value is a block scalar ({@code |} or {@code >}): its text
 *     starts on the line after the one recorded
 */
public record YamlDocument(
    JsonNode root, int line, Map<String, Integer> valueLines, java.util.Set<String> blockScalars) {
  public YamlDocument {
    valueLines = Map.copyOf(valueLines);
    blockScalars = java.util.Set.copyOf(blockScalars);
  }

  public String kind() {
    return root.path("kind").asText("");
  }

  public String name() {
    return root.path("metadata").path("name").asText("");
  }

  public String namespace() {
    return root.path("metadata").path("namespace").asText("");
  }

  /** The line on which the text of the scalar at {@code pointer} begins. */
  public int textLine(String pointer) {
    Integer at = valueLines.get(pointer);
    if (at == null) {
      return line;
    }
    return blockScalars.contains(pointer) ? at + 1 : at;
  }

  /** The line of the value at {@code pointer}, if it is a scalar in this document. */
  public Optional<Integer> lineOf(String pointer) {
    return Optional.ofNullable(valueLines.get(pointer));
  }
}
