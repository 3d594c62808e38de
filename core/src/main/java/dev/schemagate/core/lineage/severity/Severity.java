package dev.schemagate.core.lineage.severity;

import dev.schemagate.core.config.Enums;
import java.util.Optional;

/** How bad the downstream impact of a change is, from least to most. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public static Optional<Severity> parse(String text) {
    return Enums.parse(Severity.class, text);
  }
}
