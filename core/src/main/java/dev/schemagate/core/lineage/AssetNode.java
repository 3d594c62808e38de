package dev.schemagate.core.lineage;

import java.util.Objects;
import java.util.Optional;

/**
 * Something people rely on that consumes columns: a dbt model, a dashboard, a service, an ML model.
 * Its id is {@code kind:name}, e.g. {@code dashboard:exec-revenue}.
 *
 * @param environment where it runs, e.g. {@code prod}; a severity policy may weigh it
 */
public record AssetNode(
    AssetKind kind,
    String name,
    String owner,
    Criticality criticality,
    Optional<String> environment)
    implements LineageNode {
  public AssetNode {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(criticality, "criticality");
    Objects.requireNonNull(environment, "environment");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an asset needs a non-blank name");
    }
    environment = environment.filter(e -> !e.isBlank());
  }

  public static String idOf(AssetKind kind, String name) {
    return kind.label() + ":" + name;
  }

  @Override
  public String id() {
    return idOf(kind, name);
  }
}
