package dev.schemagate.core.contract;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A data contract, aligned with the Open Data Contract Standard where it fits: who owns a schema's
 * data, which quality rules it keeps, what it promises, and who depends on which of its fields.
 * Kubernetes-free; the DataContract resource's spec maps onto it (see {@link ContractReader}).
 *
 * @param schemaRef the name of the DataSchema the contract is about
 */
public record Contract(
    String schemaRef,
    Optional<Owner> owner,
    Optional<String> domain,
    Optional<String> description,
    List<FieldInfo> fields,
    List<QualityRule> quality,
    Optional<Sla> sla,
    List<Consumer> consumers,
    Optional<Enforcement> enforcement) {

  public Contract {
    Objects.requireNonNull(schemaRef, "schemaRef");
    fields = List.copyOf(fields);
    quality = List.copyOf(quality);
    consumers = List.copyOf(consumers);
  }

  /** Who answers for the data. */
  public record Owner(String team, Optional<String> contact, Optional<String> escalation) {}

  /** Metadata about one field, e.g. {@code classification: PII}. */
  public record FieldInfo(
      String name, Optional<String> classification, Optional<String> description) {}

  /**
   * One quality rule. {@code field} is absent for table-level rules ({@code row_count}, and {@code
   * freshness} where no timestamp field is named).
   */
  public record QualityRule(
      Optional<String> field, RuleType rule, Map<String, Object> params, Severity severity) {
    public QualityRule {
      params = Map.copyOf(params);
    }
  }

  /** What the data promises to its consumers; durations as written (e.g. {@code 1h}). */
  public record Sla(
      Optional<String> freshness, Optional<String> availability, Optional<String> p95Latency) {}

  /**
   * Something downstream that reads some of the fields.
   *
   * @param owner the team that owns the consumer (and approves risky promotions)
   */
  public record Consumer(
      String name,
      ConsumerKind kind,
      List<String> fields,
      Criticality criticality,
      Optional<String> owner) {
    public Consumer {
      fields = List.copyOf(fields);
    }
  }

  /** Where the contract is enforced at run time. */
  public record Enforcement(
      Optional<String> kafkaTopic, Optional<String> dlqTopic, Optional<String> dbtModel) {}

  public enum Severity {
    ERROR,
    WARN
  }

  public enum ConsumerKind {
    DBT_MODEL,
    DASHBOARD,
    SERVICE,
    ML_MODEL
  }

  public enum Criticality {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
  }
}
