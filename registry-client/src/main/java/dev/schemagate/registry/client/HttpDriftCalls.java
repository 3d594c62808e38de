package dev.schemagate.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.client.drift.DriftClient;
import dev.schemagate.registry.client.drift.LatestDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The drift extension, over the same calls (transport, errors) as the checkpoint extension. */
final class HttpDriftCalls implements DriftClient {
  private final HttpContractCalls calls;

  HttpDriftCalls(HttpContractCalls calls) {
    this.calls = calls;
  }

  @Override
  public long record(String namespace, ObjectNode report) throws RegistryException {
    String contract = report.path("contract").asText("?");
    String what = "record a drift report of contract %s/%s".formatted(namespace, contract);
    ObjectNode request = report.deepCopy();
    request.put("namespace", namespace);
    JsonNode body =
        calls
            .call(what, "POST", "api/v1/drift-reports", calls.bytes(request))
            .orElseThrow(
                () -> HttpContractCalls.malformed(what, "the registry has no drift API (404)"));
    if (!body.path("id").canConvertToLong()) {
      throw HttpContractCalls.malformed(what, "no 'id' in the registry's answer");
    }
    return body.get("id").asLong();
  }

  @Override
  public Optional<LatestDrift> latest(String namespace, String contract) throws RegistryException {
    String what = "read the latest drift report of contract %s/%s".formatted(namespace, contract);
    return calls
        .call(
            what,
            "GET",
            "api/v1/drift-reports/"
                + HttpSchemaRegistryClient.segment(namespace)
                + "/"
                + HttpSchemaRegistryClient.segment(contract)
                + "/latest",
            null)
        .map(b -> latest(b, namespace, contract));
  }

  private static LatestDrift latest(JsonNode b, String namespace, String contract) {
    List<LatestDrift.Breach> breaches = new ArrayList<>();
    for (JsonNode x : b.path("breaches")) {
      breaches.add(
          new LatestDrift.Breach(
              x.path("field").asText(),
              x.path("test").asText(),
              x.path("value").asDouble(),
              x.path("threshold").asDouble()));
    }
    return new LatestDrift(
        b.path("id").asLong(),
        b.path("namespace").asText(namespace),
        b.path("contract").asText(contract),
        b.path("verdict").asText(),
        b.path("at").asText(),
        b.path("source").asText(),
        b.path("records").asLong(),
        breaches);
  }
}
