package dev.schemagate.registry.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.registry.server.registry.RegistryServerException;
import dev.schemagate.registry.server.registry.StoredSchema;
import dev.schemagate.registry.server.registry.SubjectVersion;
import dev.schemagate.registry.server.registry.contract.ContractJson;
import dev.schemagate.registry.server.registry.contract.SchemaContract;
import io.javalin.http.Context;
import java.util.List;

/** Confluent's wire format: the content type, response shapes, and writing them. */
public final class Wire {
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private Wire() {}

  public static ObjectMapper newMapper() {
    return new ObjectMapper()
        .registerModule(new Jdk8Module())
        .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** Writes a JSON body with Confluent's content type. */
  public static void send(Context ctx, int status, byte[] body) {
    ctx.status(status).contentType(CONTENT_TYPE).result(body);
  }

  public static void send(Context ctx, ObjectMapper json, Object body) {
    send(ctx, 200, bytes(json, body));
  }

  public static byte[] bytes(ObjectMapper json, Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response", e);
    }
  }

  /** {@code {"subject","version","id","schemaType"?,"references"?,"schema"}}. */
  public static ObjectNode version(ObjectMapper json, SubjectVersion version) {
    ObjectNode node = json.createObjectNode();
    node.put("subject", version.subject());
    node.put("version", version.version());
    node.put("id", version.schema().id());
    addSchema(json, node, version.schema());
    return node;
  }

  /**
   * {@code {"schemaType"?,"references"?,"metadata"?,"ruleSet"?,"schema"}}: Confluent omits
   * schemaType for AVRO.
   */
  public static ObjectNode schema(ObjectMapper json, StoredSchema schema) {
    ObjectNode node = json.createObjectNode();
    addSchema(json, node, schema);
    return node;
  }

  private static void addSchema(ObjectMapper json, ObjectNode node, StoredSchema schema) {
    if (schema.format() != SchemaFormat.AVRO) {
      node.put("schemaType", schema.format().name());
    }
    if (!schema.references().isEmpty()) {
      node.set("references", references(json, schema.references()));
    }
    addContract(node, schema.contract());
    node.put("schema", schema.schema());
  }

  /** {@code "metadata"} and {@code "ruleSet"} where present, as Confluent writes them. */
  public static void addContract(ObjectNode node, SchemaContract contract) {
    contract.metadata().ifPresent(m -> node.set("metadata", ContractJson.tree(m)));
    contract.ruleSet().ifPresent(r -> node.set("ruleSet", ContractJson.tree(r)));
  }

  public static ArrayNode references(ObjectMapper json, List<SchemaReference> references) {
    ArrayNode array = json.createArrayNode();
    for (SchemaReference ref : references) {
      array
          .addObject()
          .put("name", ref.name())
          .put("subject", ref.subject())
          .put("version", ref.version());
    }
    return array;
  }

  /** {@code {"error_code":40401,"message":"..."}}. */
  public static byte[] error(ObjectMapper json, int errorCode, String message) {
    ObjectNode node = json.createObjectNode();
    node.put("error_code", errorCode);
    node.put("message", message);
    return bytes(json, node);
  }

  /** Parses a request body as a JSON object, or answers 400 naming what is wrong. */
  public static JsonNode body(Context ctx, ObjectMapper json) {
    byte[] raw = ctx.bodyAsBytes();
    if (raw.length == 0) {
      throw RegistryServerException.malformed(
          "The request body is empty; a JSON object is expected");
    }
    JsonNode node;
    try {
      node = json.readTree(raw);
    } catch (JsonProcessingException e) {
      throw RegistryServerException.malformed(
          "The request body is not valid JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    } catch (java.io.IOException e) {
      throw RegistryServerException.malformed(
          "The request body could not be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw RegistryServerException.malformed("The request body must be a JSON object");
    }
    return node;
  }

  /** An integer query parameter, or a 400 naming it. */
  public static int intParam(Context ctx, String name, int absent) {
    String text = ctx.queryParam(name);
    if (text == null || text.isEmpty()) {
      return absent;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw RegistryServerException.malformed(
          "Query parameter " + name + " must be an integer, got '" + text + "'");
    }
  }

  public static boolean flag(Context ctx, String name) {
    return Boolean.parseBoolean(ctx.queryParam(name));
  }
}
