package dev.schemagate.core.compat;

import dev.schemagate.core.config.Enums;
import java.util.Optional;

/** Confluent's compatibility levels. Transitive levels check against every earlier version. */
public enum CompatibilityLevel {
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true),
  NONE(false, false, false);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** New readers must read data written with old schemas. */
  public boolean checksBackward() {
    return backward;
  }

  /** Old readers must read data written with the new schema. */
  public boolean checksForward() {
    return forward;
  }

  public boolean isTransitive() {
    return transitive;
  }

  public static Optional<CompatibilityLevel> parse(String text) {
    return Enums.parse(CompatibilityLevel.class, text);
  }
}
