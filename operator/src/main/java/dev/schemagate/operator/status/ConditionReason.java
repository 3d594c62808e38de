package dev.schemagate.operator.status;

/**
 * A condition {@code reason}: implemented by each kind's {@code Reason} enum, so a condition never
 * carries free text as its reason. One cause has one word across DataSchema, DataContract and
 * Promotion ({@code RegistryUnreachable}, {@code RegistryRejected}, {@code RegistryNotAuthorized},
 * {@code LineageUnavailable}, {@code DataSchemaNotFound}, {@code InvalidSchema}); {@code
 * ReasonVocabularyTest} holds the three enums to it.
 */
public interface ConditionReason {
  /** The CamelCase word written into {@code status.conditions[].reason}. */
  String name();
}
