package dev.schemagate.registry.server.security;

import java.util.Objects;

/**
 * A role over the subjects whose names start with {@code subjectPrefix}. The empty prefix covers
 * every subject and the resources that belong to no subject (global settings, schemas by id).
 */
public record Grant(Role role, String subjectPrefix) {
  public Grant {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(subjectPrefix, "subjectPrefix");
  }

  boolean covers(Role wanted, String subject) {
    return role.includes(wanted) && subject.startsWith(subjectPrefix);
  }

  boolean isGlobal() {
    return subjectPrefix.isEmpty();
  }
}
