package dev.schemagate.core.lineage;

import dev.schemagate.core.config.Enums;
import java.util.Optional;

/** How much it hurts when an asset breaks, as its owner declares it. */
public enum Criticality {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public static Optional<Criticality> parse(String text) {
    return Enums.parse(Criticality.class, text);
  }
}
