package dev.schemagate.cli.diff.impact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.cli.diff.DiffException;
import dev.schemagate.cli.diff.DiffReport;
import dev.schemagate.cli.diff.ImpactReport;
import dev.schemagate.cli.diff.LocatedChange;
import dev.schemagate.cli.diff.SchemaDiff;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Traces every breaking or risky field downstream through the registry's lineage API ({@code GET
 * /api/v1/lineage/impact?field=...}), the way the operator grades a Promotion: a field is {@code
 * namespace.topic.field}, the topic named after the subject (TopicNameStrategy).
 *
 * <p>Written against the HTTP API here because the shared lineage client was not yet in
 * registry-client when this was written; it should move onto that client.
 */
public final class LineageImpact {
  /** Changes that touch no existing field a consumer reads. */
  private static final Set<String> HARMLESS = Set.of("FIELD_ADDED", "DOC_CHANGED", "ALIAS_ADDED");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final String namespace;
  private final HttpClient http;

  public LineageImpact(String url, String namespace) {
    this.url = url.replaceAll("/+$", "");
    this.namespace = namespace;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public ImpactReport assess(DiffReport report) {
    List<ImpactReport.SubjectImpact> subjects = new ArrayList<>();
    for (SchemaDiff schema : report.schemas()) {
      List<String> fields = fields(schema);
      if (fields.isEmpty()) {
        continue;
      }
      String dataset = dataset(schema.subject());
      List<String> columns = fields.stream().map(f -> namespace + "." + dataset + "." + f).toList();
      subjects.add(query(schema.subject(), dataset, columns));
    }
    return new ImpactReport(subjects);
  }

  /** The dotted names of existing fields the breaking or risky changes touch. */
  static List<String> fields(SchemaDiff schema) {
    Set<String> fields = new LinkedHashSet<>();
    for (LocatedChange change : schema.changes()) {
      if (HARMLESS.contains(change.type()) && !change.breaking()) {
        continue;
      }
      field(change.path()).ifPresent(fields::add);
    }
    return List.copyOf(fields);
  }

  static Optional<String> field(String path) {
    String[] tokens = path.split("/");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < tokens.length - 1; i++) {
      if (tokens[i].equals("fields") || tokens[i].equals("properties")) {
        names.add(tokens[++i]);
      }
    }
    return names.isEmpty() ? Optional.empty() : Optional.of(String.join(".", names));
  }

  static String dataset(String subject) {
    return subject.endsWith("-value") || subject.endsWith("-key")
        ? subject.substring(0, subject.lastIndexOf('-'))
        : subject;
  }

  private ImpactReport.SubjectImpact query(String subject, String dataset, List<String> columns) {
    StringBuilder query = new StringBuilder(url).append("/api/v1/lineage/impact?");
    for (int i = 0; i < columns.size(); i++) {
      query.append(i == 0 ? "" : "&").append("field=");
      query.append(URLEncoder.encode(columns.get(i), StandardCharsets.UTF_8));
    }
    JsonNode body = get(query.toString());
    List<ImpactReport.Asset> assets = new ArrayList<>();
    for (JsonNode asset : body.path("affectedAssets")) {
      assets.add(
          new ImpactReport.Asset(
              asset.path("id").asText(),
              asset.path("kind").asText(),
              asset.path("name").asText(),
              asset.path("owner").asText(),
              asset.path("criticality").asText(),
              asset.path("direct").asBoolean(),
              asset.path("explanation").asText(String.join(" → ", texts(asset.path("path"))))));
    }
    Set<String> topics = new LinkedHashSet<>();
    for (String column : texts(body.path("columns"))) {
      String prefix = namespace + ".";
      if (column.startsWith(prefix)) {
        String rest = column.substring(prefix.length());
        int dot = rest.indexOf('.');
        String topic = dot < 0 ? rest : rest.substring(0, dot);
        if (!topic.equals(dataset)) {
          topics.add(topic);
        }
      }
    }
    JsonNode severity = body.path("severity");
    return new ImpactReport.SubjectImpact(
        subject,
        columns,
        texts(body.path("unknownFields")),
        severity.path("level").asText("UNKNOWN"),
        severity.path("blocking").asBoolean(false),
        severity.path("reason").asText(""),
        assets,
        List.copyOf(topics));
  }

  private JsonNode get(String uri) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(URI.create(uri))
                  .timeout(Duration.ofSeconds(15))
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException | IllegalArgumentException e) {
      throw unavailable("cannot reach it: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted");
    }
    if (response.statusCode() != 200) {
      String message = response.body();
      try {
        message = JSON.readTree(response.body()).path("message").asText(message);
      } catch (IOException notJson) {
        // keep the raw body
      }
      throw unavailable("HTTP %d: %s".formatted(response.statusCode(), message));
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw unavailable("answered with something that is not JSON");
    }
  }

  private DiffException unavailable(String why) {
    return new DiffException(
        DiffException.Reason.LINEAGE_UNAVAILABLE, "lineage API at %s: %s".formatted(url, why));
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
