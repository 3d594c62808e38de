package dev.schemagate.cli.promote;

import dev.schemagate.registry.client.RegisteredSchema;

/** The version of a subject to carry from one environment to the next: the source's latest. */
public record Candidate(String subject, RegisteredSchema source) {
  /** The Promotion's name: DNS-safe, one per subject, version and target. */
  public String resourceName(String to) {
    String name =
        "%s-v%d-to-%s"
            .formatted(subject, source.version(), to)
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9-]+", "-")
            .replaceAll("^-+|-+$", "");
    return name.length() <= 253 ? name : name.substring(0, 253);
  }
}
