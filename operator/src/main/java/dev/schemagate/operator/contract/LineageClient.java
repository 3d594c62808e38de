package dev.schemagate.operator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The registry's lineage API, as the operator uses it: declared consumers and impact queries. */
public final class LineageClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;
  private final Duration timeout;

  public LineageClient(String baseUrl, Duration timeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A lineage call that did not succeed; the message says why. */
  public static final class LineageUnavailableException extends Exception {
    public LineageUnavailableException(String message) {
      super(message);
    }
  }

  /** A consumer declared in a contract, reading {@code fields} of one dataset. */
  public record ConsumerDeclaration(
      String kind,
      String name,
      String owner,
      String criticality,
      Optional<String> environment,
      String namespace,
      String dataset,
      List<String> fields) {}

  /** An affected asset as the lineage API reports it. */
  public record Asset(
      String id,
      String kind,
      String name,
      String owner,
      String criticality,
      boolean direct,
      String explanation) {}

  /** The graded impact of a set of changed fields. */
  public record ImpactReport(
      String severity,
      boolean blocking,
      String reason,
      List<String> decisive,
      List<Asset> assets,
      int reachedColumns) {}

  public void declare(ConsumerDeclaration consumer) throws LineageUnavailableException {
    ObjectNode body = JSON.createObjectNode();
    body.put("owner", consumer.owner());
    body.put("criticality", consumer.criticality().toUpperCase(Locale.ROOT));
    consumer.environment().ifPresent(e -> body.put("environment", e));
    body.putObject("dataset")
        .put("namespace", consumer.namespace())
        .put("name", consumer.dataset());
    consumer.fields().forEach(body.putArray("fields")::add);
    send(
        HttpRequest.newBuilder(uri(consumerPath(consumer.kind(), consumer.name())))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString())),
        false);
  }

  /** Forgets what a consumer reads from a dataset; a consumer never declared is fine. */
  public void forget(String kind, String name, String namespace, String dataset)
      throws LineageUnavailableException {
    send(
        HttpRequest.newBuilder(
                uri(
                    consumerPath(kind, name)
                        + "?namespace="
                        + encode(namespace)
                        + "&dataset="
                        + encode(dataset)))
            .DELETE(),
        true);
  }

  public ImpactReport impact(List<String> fields) throws LineageUnavailableException {
    StringBuilder query = new StringBuilder("/api/v1/lineage/impact?limit=0");
    fields.forEach(f -> query.append("&field=").append(encode(f)));
    JsonNode body = send(HttpRequest.newBuilder(uri(query.toString())).GET(), false);
    List<String> decisive = new ArrayList<>();
    body.at("/severity/decisive").forEach(d -> decisive.add(d.asText()));
    List<Asset> assets = new ArrayList<>();
    for (JsonNode a : body.path("affectedAssets")) {
      assets.add(
          new Asset(
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

  private JsonNode send(HttpRequest.Builder request, boolean notFoundIsFine)
      throws LineageUnavailableException {
    HttpResponse<String> response;
    try {
      response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new LineageUnavailableException(
          "lineage API at "
              + baseUrl
              + " unreachable: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LineageUnavailableException("interrupted while calling the lineage API");
    }
    if (response.statusCode() == 404 && notFoundIsFine) {
      return JSON.createObjectNode();
    }
    if (response.statusCode() / 100 != 2) {
      throw new LineageUnavailableException(
          "lineage API at "
              + baseUrl
              + " answered "
              + response.statusCode()
              + ": "
              + message(response.body()));
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new LineageUnavailableException("lineage API answered with something not JSON");
    }
  }

  private static String message(String body) {
    try {
      return JSON.readTree(body).path("message").asText(body);
    } catch (IOException e) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
  }

  private static String consumerPath(String kind, String name) {
    return "/api/v1/lineage/consumers/" + encode(kind) + "/" + encode(name);
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
