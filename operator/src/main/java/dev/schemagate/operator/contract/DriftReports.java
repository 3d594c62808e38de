package dev.schemagate.operator.contract;

import dev.schemagate.crds.v1alpha1.DriftSummary;
import dev.schemagate.registry.client.drift.DriftClient;

/**
 * Reads the latest drift report of a contract from the registry ({@code GET
 * /api/v1/drift-reports/{namespace}/{contract}/latest}, through the registry client), for the
 * DataContract's status. A contract never monitored has none; a registry that does not answer, or
 * refuses the operator, leaves the status as it was.
 */
public final class DriftReports {
  private final DriftClient client;

  public DriftReports(DriftClient client) {
    this.client = client;
  }

  LatestReport<DriftSummary> latest(String namespace, String contract) {
    return LatestReport.read(
        () ->
            client
                .latest(namespace, contract)
                .map(
                    d ->
                        new DriftSummary(
                            d.verdict(),
                            d.at(),
                            d.source(),
                            d.records(),
                            d.breaches().stream()
                                .map(
                                    b ->
                                        new DriftSummary.Breach(
                                            b.field(), b.test(), b.value(), b.threshold()))
                                .toList())));
  }
}
