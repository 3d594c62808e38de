package dev.schemagate.registry.server.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The role a request needs, read from its method and path. Subject-scoped paths ({@code
 * /subjects/{s}/...}, {@code /config/{s}}, {@code /mode/{s}}, {@code
 * /compatibility/subjects/{s}/...}) check the subject against the grants' prefixes; everything else
 * needs the role on some prefix (reads, lineage writes) or globally (global settings).
 */
public sealed interface AccessRule {
  /** No credentials needed: probes and the metrics scrape (which holds no subject names). */
  record Open() implements AccessRule {}

  /** The role on this subject. */
  record OnSubject(Role role, String subject) implements AccessRule {}

  /** The role on the empty prefix: global compatibility and mode. */
  record Global(Role role) implements AccessRule {}

  /** The role on any prefix: reads of shared resources, lineage. */
  record Anywhere(Role role) implements AccessRule {}

  /**
   * Reads of schemas that belong to subjects ({@code /schemas}, {@code /schemas/ids/{id}...},
   * {@code /schemas/fingerprint/...}): read on any prefix lets the request in, and the route then
   * shows only what the subjects the principal may read hold.
   */
  record SchemasOfSubjects() implements AccessRule {}

  static AccessRule of(String method, String rawPath) {
    String path =
        rawPath.length() > 1 && rawPath.endsWith("/")
            ? rawPath.substring(0, rawPath.length() - 1)
            : rawPath;
    if (path.equals("/healthz") || path.equals("/readyz") || path.equals("/metrics")) {
      return new Open();
    }
    String[] parts = path.split("/", -1);
    boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    Optional<String> subject = subjectOf(parts);
    String first = parts.length > 1 ? parts[1] : "";
    if (subject.isPresent()) {
      String s = subject.get();
      if (read) {
        return new OnSubject(Role.READ, s);
      }
      return switch (first) {
        case "subjects" ->
            switch (method) {
              // POST /subjects/{s} looks up; POST /subjects/{s}/versions registers.
              case "POST" -> new OnSubject(parts.length > 3 ? Role.WRITE : Role.READ, s);
              default -> new OnSubject(Role.ADMIN, s);
            };
        case "compatibility" -> new OnSubject(Role.READ, s);
        default -> new OnSubject(Role.ADMIN, s); // config and mode changes
      };
    }
    if (read) {
      boolean schemas = first.equals("schemas") && !(parts.length == 3 && parts[2].equals("types"));
      return schemas ? new SchemasOfSubjects() : new Anywhere(Role.READ);
    }
    if (first.equals("api")) {
      return new Anywhere(Role.WRITE); // lineage ingest and consumer declarations
    }
    return new Global(Role.ADMIN);
  }

  private static Optional<String> subjectOf(String[] parts) {
    // parts[0] is the empty string before the leading slash
    if (parts.length >= 3
        && (parts[1].equals("subjects") || parts[1].equals("config") || parts[1].equals("mode"))) {
      return Optional.of(decode(parts[2]));
    }
    if (parts.length >= 4 && parts[1].equals("compatibility") && parts[2].equals("subjects")) {
      return Optional.of(decode(parts[3]));
    }
    return Optional.empty();
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
