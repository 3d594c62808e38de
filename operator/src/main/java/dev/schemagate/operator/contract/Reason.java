package dev.schemagate.operator.contract;

import dev.schemagate.operator.status.ConditionReason;
import dev.schemagate.registry.client.RegistryException;

/**
 * Every {@code reason} a DataContract condition or event can carry (CamelCase, as Kubernetes
 * expects).
 */
public enum Reason implements ConditionReason {
  /** Valid, consumers recorded in lineage, dbt contract written. */
  Ready,
  /** {@code spec.schemaRef} resolved to a version registered in the registry. */
  Resolved,
  /** Every field the contract names exists in the schema. */
  Valid,
  /** {@code spec.schemaRef} names no DataSchema in the namespace; waits for one. */
  DataSchemaNotFound,
  /** The DataSchema has no registered version yet (see its status); waits for one. */
  SchemaNotRegistered,
  /** The registered schema does not parse. */
  InvalidSchema,
  /** Fields, rules or consumers that do not fit the schema; {@code status.problems} lists them. */
  InvalidContract,
  /** No answer from the registry in time, or a server fault; retried. */
  RegistryUnreachable,
  /** The registry refused the request (e.g. an invalid consumer declaration). */
  RegistryRejected,
  /** The registry refused the operator's credentials (401) or permission (403); not retried. */
  RegistryNotAuthorized,
  /** The lineage API did not answer, so the consumers are not recorded yet; retried. */
  LineageUnavailable,
  /** Event: the latest drift report crosses thresholds it did not before (fields named). */
  DataDrift,
  /** Event: the latest drift report crosses no threshold any more. */
  DataDriftRecovered;

  /** The reason of a registry failure; {@code unavailable} is the word for an outage. */
  static Reason of(RegistryException e, Reason unavailable) {
    return switch (e.reason()) {
      case UNAVAILABLE -> unavailable;
      case NOT_AUTHORIZED -> RegistryNotAuthorized;
      case NOT_FOUND, INCOMPATIBLE, INVALID, FORBIDDEN_BY_MODE -> RegistryRejected;
    };
  }
}
