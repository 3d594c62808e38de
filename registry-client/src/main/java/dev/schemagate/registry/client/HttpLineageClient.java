package dev.schemagate.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.client.RegistryException.Reason;
import dev.schemagate.registry.client.RegistryTransport.Response;
import dev.schemagate.registry.client.lineage.ConsumerDeclaration;
import dev.schemagate.registry.client.lineage.ImpactReport;
import dev.schemagate.registry.client.lineage.IngestResult;
import dev.schemagate.registry.client.lineage.LineageClient;
import dev.schemagate.registry.client.lineage.UpstreamReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link LineageClient} over the registry client's own transport: the same connections, retries,
 * time budget and error mapping as every other registry call.
 */
final class HttpLineageClient implements LineageClient {
  private final RegistryTransport transport;
  private final ObjectMapper json;

  HttpLineageClient(RegistryTransport transport, ObjectMapper json) {
    this.transport = transport;
    this.json = json;
  }

  @Override
  public IngestResult ingest(String openLineageEvent) throws RegistryException {
    String what = "store an OpenLineage event";
    JsonNode body =
        call(
            what,
            "POST",
            "api/v1/lineage",
            openLineageEvent.getBytes(StandardCharsets.UTF_8),
            false);
    return new IngestResult(
        body.path("runId").asText(),
        body.path("eventType").asText(),
        body.path("duplicate").asBoolean(),
        body.path("columns").asInt(),
        body.path("edges").asInt());
  }

  @Override
  public ImpactReport impact(List<String> fields) throws RegistryException {
    StringBuilder query = new StringBuilder("api/v1/lineage/impact?limit=0");
    fields.forEach(f -> query.append("&field=").append(HttpSchemaRegistryClient.segment(f)));
    JsonNode body = call("grade the impact of " + fields, "GET", query.toString(), null, false);
    List<String> decisive = new ArrayList<>();
    body.at("/severity/decisive").forEach(d -> decisive.add(d.asText()));
    List<ImpactReport.Asset> assets = new ArrayList<>();
    for (JsonNode a : body.path("affectedAssets")) {
      assets.add(
          new ImpactReport.Asset(
              a.path("id").asText(),
              a.path("kind").asText(),
              a.path("name").asText(),
              a.path("owner").asText(),
              a.path("criticality").asText(),
              a.path("direct").asBoolean(),
              a.path("explanation").asText()));
    }
    return new ImpactReport(
        body.at("/severity/level").asText("LOW"),
        body.at("/severity/blocking").asBoolean(),
        body.at("/severity/reason").asText(""),
        decisive,
        assets,
        body.path("reachedColumns").asInt());
  }

  @Override
  public UpstreamReport upstream(String field) throws RegistryException {
    JsonNode body =
        call(
            "find the sources of " + field,
            "GET",
            "api/v1/lineage/upstream?limit=1000&field=" + HttpSchemaRegistryClient.segment(field),
            null,
            false);
    List<UpstreamReport.Source> sources = new ArrayList<>();
    for (JsonNode s : body.path("sources")) {
      sources.add(
          new UpstreamReport.Source(
              s.path("id").asText(), s.path("root").asBoolean(), s.path("explanation").asText()));
    }
    return new UpstreamReport(
        body.path("field").asText(field), body.path("known").asBoolean(), sources);
  }

  @Override
  public void declare(ConsumerDeclaration consumer) throws RegistryException {
    ObjectNode body = json.createObjectNode();
    body.put("owner", consumer.owner());
    body.put("criticality", consumer.criticality().toUpperCase(Locale.ROOT));
    consumer.environment().ifPresent(e -> body.put("environment", e));
    body.putObject("dataset")
        .put("namespace", consumer.namespace())
        .put("name", consumer.dataset());
    consumer.fields().forEach(body.putArray("fields")::add);
    call(
        "declare consumer %s/%s".formatted(consumer.kind(), consumer.name()),
        "PUT",
        consumerPath(consumer.kind(), consumer.name()),
        body.toString().getBytes(StandardCharsets.UTF_8),
        false);
  }

  @Override
  public void forget(String kind, String name, String namespace, String dataset)
      throws RegistryException {
    call(
        "forget consumer %s/%s".formatted(kind, name),
        "DELETE",
        consumerPath(kind, name)
            + "?namespace="
            + HttpSchemaRegistryClient.segment(namespace)
            + "&dataset="
            + HttpSchemaRegistryClient.segment(dataset),
        null,
        true);
  }

  private JsonNode call(
      String what, String method, String pathAndQuery, byte[] body, boolean notFoundIsFine)
      throws RegistryException {
    Response response =
        transport.send(method, pathAndQuery, body == null ? new byte[0] : body, Map.of());
    if (response.status() == 404 && notFoundIsFine) {
      return json.createObjectNode();
    }
    if (response.status() / 100 != 2) {
      throw RegistryErrors.toException(json, what, response.status(), response.body());
    }
    try {
      JsonNode answer = json.readTree(response.body());
      return answer == null ? json.createObjectNode() : answer;
    } catch (IOException e) {
      // A registry that answers nonsense is a server fault: callers treat it like an outage.
      throw new RegistryException(
          Reason.UNAVAILABLE,
          response.status(),
          "%s: the registry answered HTTP %d with something that is not JSON"
              .formatted(what, response.status()));
    }
  }

  private static String consumerPath(String kind, String name) {
    return "api/v1/lineage/consumers/"
        + HttpSchemaRegistryClient.segment(kind)
        + "/"
        + HttpSchemaRegistryClient.segment(name);
  }
}
