package dev.schemagate.registry.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.registry.server.registry.RegistryServerException;
import dev.schemagate.registry.server.registry.SchemaSubmission;
import dev.schemagate.registry.server.registry.contract.ContractJson;
import dev.schemagate.registry.server.registry.contract.InvalidRuleSetException;
import dev.schemagate.registry.server.registry.contract.SchemaContract;
import dev.schemagate.registry.server.security.AccessControl;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads Confluent's {@code
 * {"schema","schemaType","references","id","version","metadata","ruleSet"}} request body.
 */
final class SubmissionReader {
  private SubmissionReader() {}

  static SchemaSubmission read(Context ctx, ObjectMapper json) {
    JsonNode body = Wire.body(ctx, json);
    JsonNode schema = body.get("schema");
    if (schema == null || schema.isNull()) {
      throw RegistryServerException.invalidSchema(
          "Invalid schema: the request body has no \"schema\" field");
    }
    if (!schema.isTextual()) {
      throw RegistryServerException.invalidSchema(
          "Invalid schema: \"schema\" must be a string holding the schema text");
    }
    String type = text(body, "schemaType");
    SchemaFormat format =
        SchemaFormat.fromConfluentType(type)
            .orElseThrow(
                () ->
                    RegistryServerException.invalidSchema(
                        "Invalid schema: unknown schemaType '"
                            + type
                            + "'; supported types are AVRO and JSON"));
    List<SchemaReference> references = references(body.get("references"));
    // A reference makes the registry parse and compare the referenced schema for the caller (its
    // verdicts and errors describe it), so it needs read on the referenced subject too.
    for (SchemaReference reference : references) {
      if (!AccessControl.mayRead(ctx, reference.subject())) {
        throw AccessControl.schemaDenied(
            ctx, "Subject: " + reference.subject() + " (referenced as '" + reference.name() + "')");
      }
    }
    return new SchemaSubmission(
        format,
        schema.asText(),
        references,
        integer(body, "id"),
        integer(body, "version"),
        contract(body));
  }

  static SchemaContract contract(JsonNode body) {
    try {
      return ContractJson.contract(body);
    } catch (InvalidRuleSetException e) {
      throw RegistryServerException.invalidRuleSet(e.getMessage());
    }
  }

  private static List<SchemaReference> references(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw RegistryServerException.invalidSchema(
          "Invalid schema: \"references\" must be an array of {name, subject, version}");
    }
    List<SchemaReference> refs = new ArrayList<>();
    for (JsonNode ref : node) {
      String name = text(ref, "name");
      String subject = text(ref, "subject");
      JsonNode version = ref.get("version");
      if (name == null || subject == null || version == null || !version.canConvertToInt()) {
        throw RegistryServerException.invalidSchema(
            "Invalid schema: each reference needs a string name, a string subject and an integer"
                + " version, got "
                + ref);
      }
      refs.add(new SchemaReference(name, subject, version.asInt()));
    }
    return refs;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static OptionalInt integer(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return OptionalInt.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw RegistryServerException.malformed("\"" + field + "\" must be an integer, got " + value);
    }
    int number = value.asInt();
    // Confluent's clients send 0 (or -1) to mean "not given".
    return number <= 0 ? OptionalInt.empty() : OptionalInt.of(number);
  }
}
