package dev.schemagate.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.registry.client.RegistryException.Reason;
import dev.schemagate.registry.client.RegistryTransport.Response;
import dev.schemagate.registry.client.checkpoint.CheckpointClient;
import dev.schemagate.registry.client.checkpoint.LatestCheckpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls that carry JSON documents the Confluent records do not type: a version with its
 * data-contract fields ({@code metadata}, {@code ruleSet}) and the checkpoint extension. Same
 * transport, so the same connections, retries, budget and error mapping as every other call.
 */
final class HttpContractCalls implements CheckpointClient {
  private final RegistryTransport transport;
  private final ObjectMapper json;

  HttpContractCalls(RegistryTransport transport, ObjectMapper json) {
    this.transport = transport;
    this.json = json;
  }

  Optional<ContractVersion> latestWithContract(String subject) throws RegistryException {
    String what =
        "read the latest version of subject '%s' with its data contract".formatted(subject);
    Optional<JsonNode> answer =
        call(
            what,
            "GET",
            "subjects/" + HttpSchemaRegistryClient.segment(subject) + "/versions/latest",
            null);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    JsonNode body = answer.get();
    if (!body.path("id").canConvertToInt()
        || !body.path("version").canConvertToInt()
        || !body.path("schema").isTextual()) {
      throw malformed(what, "the registry's answer lacks 'id', 'version' or 'schema'");
    }
    String type = body.path("schemaType").isTextual() ? body.get("schemaType").asText() : null;
    SchemaFormat format =
        SchemaFormat.fromConfluentType(type)
            .orElseThrow(
                () ->
                    new RegistryException(
                        Reason.INVALID,
                        0,
                        "%s: schema type %s is not supported (AVRO and JSON are)"
                            .formatted(what, type)));
    List<SchemaReference> references = new ArrayList<>();
    for (JsonNode ref : body.path("references")) {
      references.add(
          new SchemaReference(
              ref.path("name").asText(),
              ref.path("subject").asText(),
              ref.path("version").asInt()));
    }
    RegisteredSchema schema =
        new RegisteredSchema(
            body.path("subject").asText(subject),
            body.get("version").asInt(),
            body.get("id").asInt(),
            format,
            body.get("schema").asText(),
            references);
    return Optional.of(
        new ContractVersion(
            schema,
            new DataContractFields(
                Optional.ofNullable(body.get("metadata")),
                Optional.ofNullable(body.get("ruleSet")))));
  }

  RegisteredVersion registerWithContract(
      String subject, SchemaSubmission schema, DataContractFields contract)
      throws RegistryException {
    String what = "register a schema with its data contract under subject '%s'".formatted(subject);
    ObjectNode request = json.valueToTree(ConfluentBodies.SchemaRequest.of(schema));
    contract.metadata().ifPresent(m -> request.set("metadata", m));
    contract.ruleSet().ifPresent(r -> request.set("ruleSet", r));
    JsonNode body =
        call(
                what,
                "POST",
                "subjects/" + HttpSchemaRegistryClient.segment(subject) + "/versions",
                bytes(request))
            .orElseThrow(() -> malformed(what, "the registry answered 404"));
    if (!body.path("id").canConvertToInt()) {
      throw malformed(what, "no 'id' in the registry's answer");
    }
    return new RegisteredVersion(body.get("id").asInt(), body.path("version").asInt(0));
  }

  @Override
  public long record(String namespace, ObjectNode report) throws RegistryException {
    String contract = report.path("contract").asText("?");
    String what = "record a checkpoint of contract %s/%s".formatted(namespace, contract);
    ObjectNode request = report.deepCopy();
    request.put("namespace", namespace);
    JsonNode body =
        call(what, "POST", "api/v1/checkpoints", bytes(request))
            .orElseThrow(() -> malformed(what, "the registry has no checkpoint API (404)"));
    if (!body.path("id").canConvertToLong()) {
      throw malformed(what, "no 'id' in the registry's answer");
    }
    return body.get("id").asLong();
  }

  @Override
  public Optional<LatestCheckpoint> latest(String namespace, String contract)
      throws RegistryException {
    String what = "read the latest checkpoint of contract %s/%s".formatted(namespace, contract);
    return call(
            what,
            "GET",
            "api/v1/checkpoints/"
                + HttpSchemaRegistryClient.segment(namespace)
                + "/"
                + HttpSchemaRegistryClient.segment(contract)
                + "/latest",
            null)
        .map(
            b ->
                new LatestCheckpoint(
                    b.path("id").asLong(),
                    b.path("namespace").asText(namespace),
                    b.path("contract").asText(contract),
                    b.path("verdict").asText(),
                    b.path("at").asText(),
                    b.path("source").asText(),
                    b.path("rows").asLong(),
                    b.path("failedRules").asInt(),
                    b.path("report").deepCopy()));
  }

  /** The JSON answer; empty on 404 (whatever its code: these resources are simply absent). */
  Optional<JsonNode> call(String what, String method, String pathAndQuery, byte[] body)
      throws RegistryException {
    Response response =
        transport.send(method, pathAndQuery, body == null ? new byte[0] : body, Map.of());
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (response.status() / 100 != 2) {
      throw RegistryErrors.toException(json, what, response.status(), response.body());
    }
    try {
      JsonNode answer = json.readTree(response.body());
      if (answer == null || !answer.isObject()) {
        throw malformed(
            what,
            "the registry answered HTTP %d without a JSON object".formatted(response.status()));
      }
      return Optional.of(answer);
    } catch (IOException e) {
      throw malformed(
          what,
          "the registry answered HTTP %d with something that is not JSON"
              .formatted(response.status()));
    }
  }

  byte[] bytes(JsonNode value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  static RegistryException malformed(String what, String problem) {
    // A registry that answers nonsense is a server fault: callers treat it like an outage.
    return new RegistryException(Reason.UNAVAILABLE, 0, what + ": " + problem);
  }
}
