package dev.schemagate.core.lineage.severity;

import java.util.Locale;
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
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
