package dev.schemagate.core.lineage;

import java.util.Locale;
import java.util.Optional;

/** How much it hurts when an asset breaks, as its owner declares it. */
public enum Criticality {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public static Optional<Criticality> parse(String text) {
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
