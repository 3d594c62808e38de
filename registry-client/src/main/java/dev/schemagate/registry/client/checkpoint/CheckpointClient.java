package dev.schemagate.registry.client.checkpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.client.RegistryException;
import java.util.Optional;

/**
 * The registry's checkpoint extension ({@code /api/v1/checkpoints}): batch quality checkpoints that
 * {@code schemagate check} records and the operator reads into a DataContract's status. Obtained
 * from {@link dev.schemagate.registry.client.SchemaRegistryClient#checkpoints()}, so it shares that
 * client's connections, credentials, retries and error mapping.
 */
public interface CheckpointClient {

  /**
   * POST /api/v1/checkpoints: records a check report ({@code schemagate check --format json}: at
   * least {@code contract}, {@code verdict}, {@code at}, {@code source}, {@code rows}, {@code
   * rules}) for the contract in {@code namespace}; the id the registry gave it. A report the
   * registry refuses is an {@code INVALID} {@link RegistryException} with the registry's words.
   */
  long record(String namespace, ObjectNode report) throws RegistryException;

  /**
   * GET /api/v1/checkpoints/{namespace}/{contract}/latest: the latest checkpoint recorded for the
   * contract; empty when none was.
   */
  Optional<LatestCheckpoint> latest(String namespace, String contract) throws RegistryException;
}
