/**
 * The schemagate custom resources, group {@code schemagate.dev}, version {@code v1alpha1}: {@link
 * dev.schemagate.crds.v1alpha1.DataSchema}, {@link dev.schemagate.crds.v1alpha1.DataContract} and
 * {@link dev.schemagate.crds.v1alpha1.Promotion}. The CRD YAML is generated from these classes.
 */
package dev.schemagate.crds.v1alpha1;
