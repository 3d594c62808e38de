package dev.schemagate.registry.server.registry;

import java.util.List;

/** The answer to a compatibility test: one message per breaking change. */
public record CompatibilityVerdict(boolean compatible, List<String> messages) {
  public CompatibilityVerdict {
    messages = List.copyOf(messages);
  }
}
