package dev.schemagate.registry.client.lineage;

import java.util.List;
import java.util.Optional;

/**
 * A consumer declared in a DataContract, reading {@code fields} of one dataset.
 *
 * @param kind {@code dbt_model}, {@code dashboard}, {@code service} or {@code ml_model}
 * @param criticality {@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code CRITICAL} (any case)
 * @param environment where the consumer runs, if the cluster says
 */
public record ConsumerDeclaration(
    String kind,
    String name,
    String owner,
    String criticality,
    Optional<String> environment,
    String namespace,
    String dataset,
    List<String> fields) {
  public ConsumerDeclaration {
    fields = List.copyOf(fields);
  }
}
