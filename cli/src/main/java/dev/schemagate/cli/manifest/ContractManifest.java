package dev.schemagate.cli.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A DataContract manifest.
 *
 * @param file the file that declares it
 * @param document the YAML document, with the lines of its values
 * @param id {@code namespace/name}
 */
public record ContractManifest(String file, YamlDocument document, String id) {
  public JsonNode spec() {
    return document.root().path("spec");
  }

  public String schemaRef() {
    return spec().path("schemaRef").asText("");
  }
}
