package dev.schemagate.operator.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.RegistryException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The two registry calls the shared client does not make: a subject's mode, and a registration with
 * an explicit id (accepted only in IMPORT mode, where it keeps ids equal across environments).
 */
final class TargetRegistry {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;
  private final Duration timeout;

  TargetRegistry(String baseUrl, Duration timeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  boolean importMode(String subject) throws RegistryException {
    JsonNode mode =
        call(
            HttpRequest.newBuilder(uri("/mode/" + encode(subject) + "?defaultToGlobal=true"))
                .GET());
    return "IMPORT".equals(mode.path("mode").asText());
  }

  /** POST /subjects/{subject}/versions with {@code id}: the id the registry kept. */
  int registerWithId(String subject, SchemaFormat format, String schema, int id)
      throws RegistryException {
    ObjectNode body = JSON.createObjectNode().put("schema", schema).put("id", id);
    if (format != SchemaFormat.AVRO) {
      body.put("schemaType", format.name());
    }
    JsonNode answer =
        call(
            HttpRequest.newBuilder(uri("/subjects/" + encode(subject) + "/versions"))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    return answer.path("id").asInt();
  }

  private JsonNode call(HttpRequest.Builder request) throws RegistryException {
    HttpResponse<String> response;
    try {
      response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RegistryException(
          Reason.UNAVAILABLE, 0, "registry " + baseUrl + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(Reason.UNAVAILABLE, 0, "interrupted calling " + baseUrl);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      body = JSON.createObjectNode();
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return body;
    }
    int code = body.path("error_code").asInt(status);
    String message = body.path("message").asText("HTTP " + status);
    Reason reason =
        switch (status) {
          case 404 -> Reason.NOT_FOUND;
          case 409 -> Reason.INCOMPATIBLE;
          case 422, 400 -> code == 42205 ? Reason.FORBIDDEN_BY_MODE : Reason.INVALID;
          default -> Reason.UNAVAILABLE;
        };
    throw new RegistryException(reason, code, message);
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
