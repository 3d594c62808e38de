package dev.schemagate.core.review;

import dev.schemagate.core.compat.Change;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of reviewing a change to a schema, contract or promotion: what an admission webhook
 * answers, what the operator writes to status, what the CLI exits with.
 */
public sealed interface Decision permits Decision.Allowed, Decision.Denied {

  /** Non-blocking advice, shown to the user even when the change goes through. */
  List<String> warnings();

  default boolean allowed() {
    return this instanceof Allowed;
  }

  static Allowed allow() {
    return new Allowed(List.of());
  }

  static Allowed allow(List<String> warnings) {
    return new Allowed(warnings);
  }

  static Denied deny(DenialReason reason, String message) {
    return new Denied(reason, message, List.of());
  }

  /** The change may go through; {@code warnings} say what deserves a second look. */
  record Allowed(List<String> warnings) implements Decision {
    public Allowed {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * The change is refused. {@code message} is complete and short enough for kubectl's output;
   * {@code changes} are the breaking changes behind an {@link DenialReason#INCOMPATIBLE} denial.
   */
  record Denied(DenialReason reason, String message, List<Change> changes) implements Decision {
    public Denied {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
      changes = List.copyOf(changes);
    }

    @Override
    public List<String> warnings() {
      return List.of();
    }
  }
}
