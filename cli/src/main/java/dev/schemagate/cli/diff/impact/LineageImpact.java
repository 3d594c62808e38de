package dev.schemagate.cli.diff.impact;

import dev.schemagate.cli.diff.DiffException;
import dev.schemagate.cli.diff.DiffReport;
import dev.schemagate.cli.diff.ImpactReport;
import dev.schemagate.cli.diff.LocatedChange;
import dev.schemagate.cli.diff.SchemaDiff;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.lineage.LineageClient;
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
 * <p>Through registry-client's {@link LineageClient}: the same connections, credentials, retries
 * and error mapping as every registry call.
 */
public final class LineageImpact {
  /** Changes that touch no existing field a consumer reads. */
  private static final Set<String> HARMLESS = Set.of("FIELD_ADDED", "DOC_CHANGED", "ALIAS_ADDED");

  private final String url;
  private final String namespace;
  private final LineageClient lineage;

  /** {@code lineage} belongs to the caller, who closes the registry client it came from. */
  public LineageImpact(String url, LineageClient lineage, String namespace) {
    this.url = url;
    this.lineage = lineage;
    this.namespace = namespace;
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
      subjects.add(query(schema.subject(), columns));
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

  private ImpactReport.SubjectImpact query(String subject, List<String> columns) {
    dev.schemagate.registry.client.lineage.ImpactReport answer;
    try {
      answer = lineage.impact(columns);
    } catch (RegistryException e) {
      throw new DiffException(
          DiffException.Reason.LINEAGE_UNAVAILABLE,
          "lineage API at %s: %s".formatted(url, e.getMessage()));
    }
    List<ImpactReport.Asset> assets = new ArrayList<>();
    for (var asset : answer.assets()) {
      assets.add(
          new ImpactReport.Asset(
              asset.id(),
              asset.kind(),
              asset.name(),
              asset.owner(),
              asset.criticality(),
              asset.direct(),
              asset.explanation()));
    }
    return new ImpactReport.SubjectImpact(
        subject,
        columns,
        answer.severity(),
        answer.blocking(),
        answer.reason(),
        assets,
        answer.reachedColumns());
  }
}
