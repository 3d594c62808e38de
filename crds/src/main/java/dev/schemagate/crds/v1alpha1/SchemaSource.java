package dev.schemagate.crds.v1alpha1;

import io.fabric8.generator.annotation.Required;

/** Where to read the schema text when it is not inline. */
public record SchemaSource(@Required ConfigMapKeyRef configMapKeyRef) {}
