package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/**
 * Metadata about one field of the schema.
 *
 * @param name the field's name (dotted path for nested fields)
 * @param classification e.g. {@code PII}, {@code confidential}, {@code public}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldSpec(@Required String name, String classification, String description) {}
