package dev.schemagate.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Confluent's data-contract fields of a schema version, as the registry stores and returns them:
 * {@code metadata} ({@code tags}, {@code properties}, {@code sensitive}) and {@code ruleSet}
 * ({@code migrationRules}, {@code domainRules}, {@code encodingRules}). Kept as JSON objects so
 * fields a newer registry adds survive a read-modify-register round trip; empty when absent.
 */
public record DataContractFields(Optional<JsonNode> metadata, Optional<JsonNode> ruleSet) {
  public DataContractFields {
    metadata = metadata.filter(JsonNode::isObject).map(JsonNode::deepCopy);
    ruleSet = ruleSet.filter(JsonNode::isObject).map(JsonNode::deepCopy);
  }

  public static DataContractFields none() {
    return new DataContractFields(Optional.empty(), Optional.empty());
  }

  /** The same metadata with another ruleSet (empty: none). */
  public DataContractFields withRuleSet(Optional<JsonNode> value) {
    return new DataContractFields(metadata, value);
  }
}
