package dev.schemagate.cli.check;

import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;

/**
 * Records a checkpoint in the registry ({@code POST /api/v1/checkpoints}, through the registry
 * client, so the command's {@code --registry-*} credentials apply), where the operator reads the
 * latest one into the DataContract's status.
 */
public final class CheckpointPublisher {
  private final SchemaRegistryClient client;
  private final String registryUrl;

  /** Records through {@code client} (not closed here); {@code registryUrl} names it in errors. */
  public CheckpointPublisher(SchemaRegistryClient client, String registryUrl) {
    this.client = client;
    this.registryUrl = registryUrl;
  }

  /** The id the registry gave the checkpoint. */
  public long publish(CheckReport report, String namespace) {
    try {
      return client.checkpoints().record(namespace, ReportWriter.json(report));
    } catch (RegistryException e) {
      throw new CheckException(
          CheckException.Reason.SOURCE_UNAVAILABLE,
          "checkpoint not recorded in %s (%s): %s"
              .formatted(registryUrl, e.reason(), e.getMessage()));
    }
  }
}
