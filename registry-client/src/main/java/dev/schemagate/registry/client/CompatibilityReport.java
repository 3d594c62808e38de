package dev.schemagate.registry.client;

import java.util.List;

/** The registry's answer to a compatibility test; {@code messages} name each breaking change. */
public record CompatibilityReport(boolean compatible, List<String> messages) {
  public CompatibilityReport {
    messages = List.copyOf(messages);
  }
}
