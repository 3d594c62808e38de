package dev.schemagate.operator.contract;

import dev.schemagate.crds.v1alpha1.CheckpointSummary;
import dev.schemagate.registry.client.checkpoint.CheckpointClient;

/**
 * Reads the latest batch checkpoint of a contract from the registry ({@code GET
 * /api/v1/checkpoints/{namespace}/{contract}/latest}, through the registry client), for the
 * DataContract's status. A contract never checked has none; a registry that does not answer, or
 * refuses the operator, leaves the status as it was.
 */
public final class Checkpoints {
  private final CheckpointClient client;

  public Checkpoints(CheckpointClient client) {
    this.client = client;
  }

  LatestReport<CheckpointSummary> latest(String namespace, String contract) {
    return LatestReport.read(
        () ->
            client
                .latest(namespace, contract)
                .map(
                    c ->
                        new CheckpointSummary(
                            c.verdict(), c.at(), c.source(), c.rows(), c.failedRules())));
  }
}
