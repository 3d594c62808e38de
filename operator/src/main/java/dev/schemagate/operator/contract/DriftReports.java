package dev.schemagate.operator.contract;

import dev.schemagate.crds.v1alpha1.DriftSummary;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.drift.DriftClient;

/**
 * Reads the latest drift report of a contract from the registry ({@code GET
 * /api/v1/drift-reports/{namespace}/{contract}/latest}, through the registry client), for the
 * DataContract's status. A contract never monitored has none; a registry that does not answer, or
 * refuses the operator, leaves the status as it was.
 */
public final class DriftReports {
  private final DriftClient client;

  /** The outcome of one look-up: found, none recorded, or the registry did not say. */
  sealed interface Latest {
    record Found(DriftSummary summary) implements Latest {}

    record None() implements Latest {}

    record Unknown(String why) implements Latest {}
  }

  public DriftReports(DriftClient client) {
    this.client = client;
  }

  Latest latest(String namespace, String contract) {
    try {
      return client
          .latest(namespace, contract)
          .<Latest>map(
              d ->
                  new Latest.Found(
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
                              .toList())))
          .orElseGet(Latest.None::new);
    } catch (RegistryException e) {
      return new Latest.Unknown(e.reason() + ": " + e.getMessage());
    }
  }
}
