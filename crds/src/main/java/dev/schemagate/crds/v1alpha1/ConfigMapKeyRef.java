package dev.schemagate.crds.v1alpha1;

import io.fabric8.generator.annotation.Required;

/** A key of a ConfigMap in the resource's own namespace. */
public record ConfigMapKeyRef(@Required String name, @Required String key) {}
