package dev.schemagate.registry.server.lineage;

import dev.schemagate.core.lineage.LineageException;
import dev.schemagate.core.lineage.severity.SeverityPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Lineage configuration: {@code SCHEMAGATE_SEVERITY_POLICY}, the path of a severity policy file
 * (YAML or JSON); the built-in policy when unset.
 */
record LineageSettings(SeverityPolicy policy) {
  static LineageSettings fromEnvironment(Map<String, String> env) {
    String path = env.get("SCHEMAGATE_SEVERITY_POLICY");
    if (path == null || path.isBlank()) {
      return new LineageSettings(SeverityPolicy.defaults());
    }
    try {
      return new LineageSettings(SeverityPolicy.parse(Files.readString(Path.of(path))));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "SCHEMAGATE_SEVERITY_POLICY: cannot read " + path + ": " + e.getMessage(), e);
    } catch (LineageException e) {
      throw new IllegalArgumentException(
          "SCHEMAGATE_SEVERITY_POLICY (" + path + "): " + e.getMessage(), e);
    }
  }
}
