package dev.schemagate.operator.dataschema;

/** Every {@code reason} a DataSchema condition can carry (CamelCase, as Kubernetes expects). */
public enum Reason {
  /** The declared schema was registered as a new version. */
  Registered,
  /** The registry's latest version already is the declared schema. */
  UpToDate,
  /** The subject already held the declared schema before this resource existed. */
  Adopted,
  /** The declared schema is compatible with the subject's history. */
  Compatible,
  /** The declared schema breaks the subject's history at the declared level; not registered. */
  IncompatibleChange,
  /** Someone registered a newer version outside this resource. */
  DriftDetected,
  /** The schema text does not parse. */
  InvalidSchema,
  /** {@code spec.schemaFrom} names a ConfigMap that does not exist. */
  ConfigMapNotFound,
  /** {@code spec.schemaFrom} names a key the ConfigMap does not have. */
  ConfigMapKeyNotFound,
  /** The spec is not usable (e.g. neither schema nor schemaFrom). */
  InvalidSpec,
  /** A reference could not be resolved in the registry. */
  ReferenceNotFound,
  /** No answer from the registry in time, or a server fault; retried. */
  RegistryUnreachable,
  /** The registry refused the request (invalid schema, read-only mode). */
  RegistryRejected,
  /**
   * The registry refused the operator's credentials (401) or permission (403); not retried until
   * the next resync or a change, since the same call would be refused again.
   */
  RegistryNotAuthorized,
  /** An older DataSchema claims the same subject. */
  ResourceConflict,
  /** The {@code schemagate.dev/paused} annotation stops reconciliation. */
  ReconciliationPaused,
  /** The {@code schemagate.dev/managed: "false"} annotation lets go of the subject. */
  Unmanaged,
  /** An unexpected error inside the operator; retried. */
  ReconcileError
}
