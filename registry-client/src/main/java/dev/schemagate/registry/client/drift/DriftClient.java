package dev.schemagate.registry.client.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.client.RegistryException;
import java.util.Optional;

/**
 * The registry's drift extension ({@code /api/v1/drift-reports}): what {@code schemagate monitor}
 * found on a contract's topic, which the operator reads into the DataContract's status, an event
 * and a notice. Obtained from {@link dev.schemagate.registry.client.SchemaRegistryClient#drift()},
 * so it shares that client's connections, credentials, retries and error mapping.
 */
public interface DriftClient {

  /**
   * POST /api/v1/drift-reports: records a drift report (at least {@code contract}, {@code at},
   * {@code source}, {@code records}, {@code fields}) for the contract in {@code namespace}; the id
   * the registry gave it. A report the registry refuses is an {@code INVALID} {@link
   * RegistryException} with the registry's words (naming the field).
   */
  long record(String namespace, ObjectNode report) throws RegistryException;

  /**
   * GET /api/v1/drift-reports/{namespace}/{contract}/latest: the latest report recorded for the
   * contract; empty when none was.
   */
  Optional<LatestDrift> latest(String namespace, String contract) throws RegistryException;
}
