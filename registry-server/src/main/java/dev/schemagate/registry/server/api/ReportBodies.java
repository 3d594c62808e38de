package dev.schemagate.registry.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.server.registry.RegistryServerException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reading and answering the JSON of the report APIs (checkpoints, drift reports): one wording for
 * bad input, {@code Invalid <kind>: <problem>} (400), and plain {@code application/json} answers.
 *
 * @param kind what the API takes, e.g. {@code checkpoint}
 */
public record ReportBodies(String kind) {
  private static final String JSON = "application/json";
  // Kubernetes object names (RFC 1123 subdomain), so a report names a real DataContract
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  public RegistryServerException invalid(String problem) {
    return RegistryServerException.malformed("Invalid " + kind + ": " + problem);
  }

  /** The request body, which must be a JSON object. */
  public JsonNode object(ObjectMapper json, Context ctx) {
    JsonNode body;
    try {
      body = json.readTree(ctx.body());
    } catch (IOException e) {
      throw invalid("not JSON");
    }
    if (body == null || !body.isObject()) {
      throw invalid("expected a JSON object");
    }
    return body;
  }

  /** {@code value} if it is a Kubernetes object name; {@code what} names it in the error. */
  public String name(String value, String what) {
    if (!NAME.matcher(value).matches()) {
      throw invalid(what + " '" + value + "' is not a Kubernetes object name");
    }
    return value;
  }

  /** A required, non-blank text field. */
  public String text(JsonNode body, String field) {
    return text(body, field, field, Integer.MAX_VALUE);
  }

  /** A required, non-blank text field of at most {@code maxLength} characters, named by path. */
  public String text(JsonNode body, String field, String path, int maxLength) {
    JsonNode value = body.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw invalid(path + " is required");
    }
    if (value.asText().length() > maxLength) {
      throw invalid(path + " is longer than " + maxLength + " characters");
    }
    return value.asText();
  }

  public static void send(Context ctx, ObjectMapper json, int status, ObjectNode body) {
    try {
      ctx.status(status).contentType(JSON).result(json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a report answer", e);
    }
  }
}
