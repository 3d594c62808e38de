package dev.schemagate.operator.promotion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environments a schema is promoted through, in order, each with its registry URL: {@code
 * SCHEMAGATE_ENVIRONMENTS=dev=http://registry.dev:8081,staging=http://...,prod=http://...}.
 */
public record Environments(Map<String, String> registries) {
  public Environments {
    registries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(registries));
  }

  public static Environments parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return new Environments(out);
    }
    for (String entry : text.split(",")) {
      String e = entry.strip();
      int eq = e.indexOf('=');
      if (eq <= 0 || eq == e.length() - 1) {
        throw new IllegalArgumentException(
            "SCHEMAGATE_ENVIRONMENTS: '%s' is not name=url (e.g. dev=http://registry.dev:8081)"
                .formatted(e));
      }
      String name = e.substring(0, eq).strip();
      String url = e.substring(eq + 1).strip();
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new IllegalArgumentException(
            "SCHEMAGATE_ENVIRONMENTS: the registry of '%s' must be an http(s) URL, got '%s'"
                .formatted(name, url));
      }
      if (out.put(name, url) != null) {
        throw new IllegalArgumentException(
            "SCHEMAGATE_ENVIRONMENTS: environment '%s' is listed twice".formatted(name));
      }
    }
    return new Environments(out);
  }

  public Optional<String> registryUrl(String environment) {
    return Optional.ofNullable(registries.get(environment));
  }

  public List<String> names() {
    return List.copyOf(registries.keySet());
  }
}
