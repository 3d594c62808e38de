package dev.schemagate.operator.contract;

import dev.schemagate.crds.v1alpha1.CheckpointSummary;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.checkpoint.CheckpointClient;

/**
 * Reads the latest batch checkpoint of a contract from the registry ({@code GET
 * /api/v1/checkpoints/{namespace}/{contract}/latest}, through the registry client), for the
 * DataContract's status. A contract never checked has none; a registry that does not answer, or
 * refuses the operator, leaves the status as it was.
 */
public final class Checkpoints {
  private final CheckpointClient client;

  /** The outcome of one look-up: found, none recorded, or the registry did not say. */
  sealed interface Latest {
    record Found(CheckpointSummary summary) implements Latest {}

    record None() implements Latest {}

    record Unknown(String why) implements Latest {}
  }

  public Checkpoints(CheckpointClient client) {
    this.client = client;
  }

  Latest latest(String namespace, String contract) {
    try {
      return client
          .latest(namespace, contract)
          .<Latest>map(
              c ->
                  new Latest.Found(
                      new CheckpointSummary(
                          c.verdict(), c.at(), c.source(), c.rows(), c.failedRules())))
          .orElseGet(Latest.None::new);
    } catch (RegistryException e) {
      return new Latest.Unknown(e.reason() + ": " + e.getMessage());
    }
  }
}
