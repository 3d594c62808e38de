package dev.schemagate.registry.server.lineage;

import dev.schemagate.core.lineage.LineageException;
import dev.schemagate.core.lineage.severity.SeverityPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Lineage configuration: the severity policy, read from the file {@code SCHEMAGATE_SEVERITY_POLICY}
 * names ({@link dev.schemagate.registry.server.RegistryConfig#severityPolicy()}), the built-in
 * policy when unset.
 */
record LineageSettings(SeverityPolicy policy) {
  static LineageSettings of(Optional<Path> policyFile) {
    if (policyFile.isEmpty()) {
      return new LineageSettings(SeverityPolicy.defaults());
    }
    Path path = policyFile.get();
    try {
      return new LineageSettings(SeverityPolicy.parse(Files.readString(path)));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "SCHEMAGATE_SEVERITY_POLICY: cannot read " + path + ": " + e.getMessage(), e);
    } catch (LineageException e) {
      throw new IllegalArgumentException(
          "SCHEMAGATE_SEVERITY_POLICY (" + path + "): " + e.getMessage(), e);
    }
  }
}
