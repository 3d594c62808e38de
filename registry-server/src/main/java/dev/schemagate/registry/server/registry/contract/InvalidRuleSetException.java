package dev.schemagate.registry.server.registry.contract;

/** A ruleSet or metadata that Confluent would refuse; the message names the problem. */
public final class InvalidRuleSetException extends RuntimeException {
  public InvalidRuleSetException(String message) {
    super(message);
  }
}
