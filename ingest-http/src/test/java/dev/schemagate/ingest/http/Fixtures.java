package dev.schemagate.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.contract.ContractReader;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The subject, schema, contract and HTTP calls the middleware tests share. */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SCHEMA =
      """
      {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
       "properties": {"orderId": {"type": "string"}, "amount": {"type": "number"},
                      "currency": {"type": "string"},
                      "lines": {"type": "array", "items": {"type": "object",
                        "properties": {"quantity": {"type": "integer", "minimum": 1}},
                        "required": ["quantity"]}}},
       "required": ["orderId", "amount"]}
      """;

  static final String AVRO_SCHEMA =
      """
      {"type": "record", "name": "Order", "namespace": "shop", "fields": [
        {"name": "orderId", "type": "string"},
        {"name": "amount", "type": "double"},
        {"name": "currency", "type": {"type": "enum", "name": "Currency", "symbols": ["EUR", "USD"]}},
        {"name": "coupon", "type": ["null", "string"], "default": null},
        {"name": "customer", "type": ["null", {"type": "record", "name": "Customer", "fields": [
          {"name": "email", "type": "string"}, {"name": "tier", "type": "int", "default": 0}]}]},
        {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line",
          "fields": [{"name": "sku", "type": "string"}, {"name": "quantity", "type": "int"}]}}}]}
      """;

  static final String AVRO_VALID =
      """
      {"orderId": "o-1", "amount": 10.5, "currency": "EUR", "coupon": "SAVE10",
       "customer": {"email": "a@example.com"}, "lines": [{"sku": "s-1", "quantity": 2}]}""";

  /** Every kind of mistake once: wrong type, unknown symbol, missing field, nested, in arrays. */
  static final String AVRO_INVALID =
      """
      {"orderId": 7, "currency": "GBP", "coupon": 5, "customer": {"tier": "gold"},
       "lines": [{"sku": "s-1", "quantity": 2.5}, {"quantity": 1}]}""";

  private Fixtures() {}

  static void registerAvro(SchemaRegistryClient client, String subject) throws Exception {
    client.register(subject, SchemaSubmission.of(SchemaFormat.AVRO, AVRO_SCHEMA), false);
  }

  static void register(SchemaRegistryClient client, String subject) throws Exception {
    client.register(subject, SchemaSubmission.of(SchemaFormat.JSON, SCHEMA), false);
  }

  static Contract contract() throws Exception {
    return ContractReader.read(
        JSON.readTree(
            """
            {"schemaRef": "orders", "quality": [
              {"field": "currency", "rule": "accepted_values", "params": {"values": "EUR,USD"}},
              {"field": "amount", "rule": "range", "params": {"min": "0"}},
              {"field": "orderId", "rule": "regex", "params": {"pattern": "^o-"}, "severity": "warn"}]}
            """));
  }

  static final String VALID =
      "{\"orderId\": \"o-1\", \"amount\": 10, \"currency\": \"EUR\", \"lines\": [{\"quantity\": 2}]}";

  /** Breaks the schema three times and the contract twice (the warn rule is not enforced). */
  static final String INVALID =
      "{\"amount\": -5, \"currency\": \"GBP\", \"lines\": [{\"quantity\": 0}, {}], \"orderId\": 7}";

  record Answer(int status, JsonNode body) {}

  static Answer post(String url, String body) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body()));
  }

  static java.util.List<String> paths(JsonNode error) {
    java.util.List<String> paths = new java.util.ArrayList<>();
    error
        .get("violations")
        .forEach(v -> paths.add(v.get("path").asText() + " " + v.get("rule").asText()));
    return paths;
  }
}
