package dev.schemagate.core.compat;

/** The named change taxonomy, shared by every format. */
public enum ChangeType {
  // records / objects
  FIELD_ADDED,
  FIELD_REMOVED,
  FIELD_RENAMED,
  FIELD_DEFAULT_ADDED,
  FIELD_DEFAULT_REMOVED,
  FIELD_DEFAULT_CHANGED,
  REQUIRED_ADDED,
  REQUIRED_REMOVED,
  ADDITIONAL_PROPERTIES_OPENED,
  ADDITIONAL_PROPERTIES_CLOSED,
  // types
  TYPE_CHANGED,
  TYPE_NARROWED,
  TYPE_WIDENED,
  LOGICAL_TYPE_CHANGED,
  NAME_CHANGED,
  // unions and combined schemas
  UNION_BRANCH_ADDED,
  UNION_BRANCH_REMOVED,
  COMBINED_SCHEMA_CHANGED,
  /** An {@code if}/{@code then}/{@code else} condition or one of its branches changed. */
  CONDITION_CHANGED,
  // JSON Schema dependencies (dependencies, dependentRequired, dependentSchemas)
  DEPENDENCY_ADDED,
  DEPENDENCY_REMOVED,
  DEPENDENCY_CHANGED,
  // enums and constants
  ENUM_SYMBOL_ADDED,
  ENUM_SYMBOL_REMOVED,
  ENUM_DEFAULT_CHANGED,
  // sizes and bounds
  FIXED_SIZE_CHANGED,
  BOUNDS_TIGHTENED,
  BOUNDS_RELAXED,
  /** A bound moved so that some values are newly allowed and others newly refused. */
  BOUNDS_CHANGED,
  /** JSON Schema {@code format}: an annotation, not validated by default. */
  FORMAT_CHANGED,
  PATTERN_CHANGED,
  ITEMS_CHANGED,
  REFERENCE_CHANGED,
  // non-semantic
  DOC_CHANGED,
  ALIAS_ADDED,
  OTHER
}
