package dev.schemagate.crds.v1alpha1;

import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * A Confluent schema reference.
 *
 * @param name how the referring schema names the type (Avro full name or JSON Schema $ref)
 * @param subject the subject that holds the referenced schema
 * @param version the referenced version of that subject
 */
public record SchemaReferenceSpec(
    @Required String name, @Required String subject, @Required @Min(1) Integer version) {}
