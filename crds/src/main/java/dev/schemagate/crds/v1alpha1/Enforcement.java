package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the contract is enforced at runtime.
 *
 * @param kafkaTopic the topic producers write with this schema
 * @param dlqTopic the dead-letter topic for records that fail the contract
 * @param dbtModel the dbt model whose contract is generated from the schema
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Enforcement(String kafkaTopic, String dlqTopic, String dbtModel) {}
