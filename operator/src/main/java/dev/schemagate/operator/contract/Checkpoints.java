package dev.schemagate.operator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.crds.v1alpha1.CheckpointSummary;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads the latest batch checkpoint of a contract from the registry ({@code GET
 * /api/v1/checkpoints/{namespace}/{contract}/latest}), for the DataContract's status. A contract
 * never checked has none; a registry that does not answer leaves the status as it was.
 */
public final class Checkpoints {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String baseUrl;
  private final Duration timeout;
  private final HttpClient http;

  /** The outcome of one look-up: found, none recorded, or the registry did not say. */
  sealed interface Latest {
    record Found(CheckpointSummary summary) implements Latest {}

    record None() implements Latest {}

    record Unknown(String why) implements Latest {}
  }

  public Checkpoints(String registryUrl, Duration timeout) {
    this.baseUrl =
        registryUrl.endsWith("/")
            ? registryUrl.substring(0, registryUrl.length() - 1)
            : registryUrl;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  Latest latest(String namespace, String contract) {
    URI uri =
        URI.create(
            baseUrl
                + "/api/v1/checkpoints/"
                + URLEncoder.encode(namespace, StandardCharsets.UTF_8)
                + "/"
                + URLEncoder.encode(contract, StandardCharsets.UTF_8)
                + "/latest");
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return new Latest.None();
      }
      if (response.statusCode() != 200) {
        return new Latest.Unknown("registry answered " + response.statusCode());
      }
      JsonNode body = JSON.readTree(response.body());
      return new Latest.Found(
          new CheckpointSummary(
              body.path("verdict").asText(),
              body.path("at").asText(),
              body.path("source").asText(),
              body.path("rows").asLong(),
              body.path("failedRules").asInt()));
    } catch (IOException e) {
      return new Latest.Unknown(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Latest.Unknown("interrupted");
    }
  }
}
