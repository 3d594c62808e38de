package dev.schemagate.registry.server.security;

import java.util.List;

/** Who made a request, and what they may do. */
public record Principal(String name, List<Grant> grants) {
  public Principal {
    grants = List.copyOf(grants);
  }

  /** A role on one subject. */
  public boolean mayOnSubject(Role role, String subject) {
    return grants.stream().anyMatch(g -> g.covers(role, subject));
  }

  /** A role on every subject (a grant with the empty prefix). */
  public boolean mayOnEverySubject(Role role) {
    return mayGlobally(role);
  }

  /** A role on what belongs to no subject (global settings, deleting across subjects). */
  public boolean mayGlobally(Role role) {
    return grants.stream().anyMatch(g -> g.isGlobal() && g.role().includes(role));
  }

  /** A role over at least some subjects: enough for shared reads and for posting lineage. */
  public boolean mayAnywhere(Role role) {
    return grants.stream().anyMatch(g -> g.role().includes(role));
  }

  @Override
  public String toString() {
    return "Principal[" + name + "]";
  }
}
