package dev.schemagate.cli.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Posts a checkpoint to the registry ({@code POST /api/v1/checkpoints}), where the operator reads
 * the latest one into the DataContract's status. Credentials as every schemagate client takes them:
 * {@code SCHEMAGATE_REGISTRY_USER} / {@code SCHEMAGATE_REGISTRY_PASSWORD} (HTTP Basic) or {@code
 * SCHEMAGATE_REGISTRY_TOKEN_FILE} (a bearer token).
 */
public final class CheckpointPublisher {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final URI endpoint;
  private final Map<String, String> env;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public CheckpointPublisher(String registryUrl, Map<String, String> env) {
    String base = registryUrl.endsWith("/") ? registryUrl : registryUrl + "/";
    try {
      this.endpoint = URI.create(base).resolve("api/v1/checkpoints");
    } catch (IllegalArgumentException e) {
      throw new CheckException(
          CheckException.Reason.UNSUPPORTED_SOURCE, "not a registry URL: " + registryUrl);
    }
    this.env = env;
  }

  /** The id the registry gave the checkpoint. */
  public long publish(CheckReport report, String namespace) {
    ObjectNode body = ReportWriter.json(report);
    body.put("namespace", namespace);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    authorization().ifPresent(value -> request.header("Authorization", value));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unavailable("cannot reach " + endpoint + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while posting to " + endpoint);
    }
    if (response.statusCode() != 201) {
      throw unavailable(
          endpoint + " answered " + response.statusCode() + ": " + oneLine(response.body()));
    }
    return ReportWriter.parse(response.body()).path("id").asLong();
  }

  private Optional<String> authorization() {
    String tokenFile = env.get("SCHEMAGATE_REGISTRY_TOKEN_FILE");
    if (tokenFile != null && !tokenFile.isBlank()) {
      try {
        return Optional.of("Bearer " + Files.readString(Path.of(tokenFile)).strip());
      } catch (IOException e) {
        throw unavailable("cannot read SCHEMAGATE_REGISTRY_TOKEN_FILE " + tokenFile);
      }
    }
    String user = env.get("SCHEMAGATE_REGISTRY_USER");
    if (user == null || user.isBlank()) {
      return Optional.empty();
    }
    String pair = user + ":" + env.getOrDefault("SCHEMAGATE_REGISTRY_PASSWORD", "");
    return Optional.of(
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  private static String oneLine(String text) {
    String line = text == null ? "" : text.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static CheckException unavailable(String message) {
    return new CheckException(
        CheckException.Reason.SOURCE_UNAVAILABLE, "checkpoint not recorded: " + message);
  }
}
