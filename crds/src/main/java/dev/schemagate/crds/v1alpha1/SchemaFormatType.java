package dev.schemagate.crds.v1alpha1;

/** The schema languages a DataSchema may hold (names match Confluent's {@code schemaType}). */
public enum SchemaFormatType {
  AVRO,
  JSON
}
