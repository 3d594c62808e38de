package dev.schemagate.registry.client.lineage;

import dev.schemagate.registry.client.RegistryException;
import java.util.List;

/**
 * The registry's lineage API ({@code /api/v1/lineage}): OpenLineage events in, declared consumers,
 * impact and upstream queries out. Obtained from {@link
 * dev.schemagate.registry.client.SchemaRegistryClient#lineage()}, so it shares that client's
 * connection pool, credentials, time budget, retries and error mapping (a 401 or 403 is {@code
 * NOT_AUTHORIZED}, never "unavailable"); closing the registry client closes it.
 */
public interface LineageClient {

  /** POST /api/v1/lineage: stores one OpenLineage run event (a JSON document). */
  IngestResult ingest(String openLineageEvent) throws RegistryException;

  /**
   * GET /api/v1/lineage/impact: what depends on these columns ({@code namespace.dataset.column}),
   * graded by the registry's severity policy.
   */
  ImpactReport impact(List<String> fields) throws RegistryException;

  /** GET /api/v1/lineage/upstream: where one column's data comes from. */
  UpstreamReport upstream(String field) throws RegistryException;

  /**
   * PUT /api/v1/lineage/consumers/{kind}/{name}: records that a consumer reads these fields of one
   * dataset, replacing what it read from that dataset before.
   */
  void declare(ConsumerDeclaration consumer) throws RegistryException;

  /** Forgets what a consumer reads from one dataset; a consumer never declared is fine. */
  void forget(String kind, String name, String namespace, String dataset) throws RegistryException;
}
