package dev.schemagate.cli.diff;

import java.util.List;
import java.util.Locale;

/**
 * The pull-request comment: the verdict first, then per schema its changes (path, change, breaking
 * or not, the fix), contract changes, the impact tables and the suggested version bump. The first
 * line is a hidden marker by which the GitHub action finds and updates its one comment.
 */
public final class MarkdownReport {
  /** The hidden marker the action looks for; keep in sync with {@code action.yml}. */
  public static final String MARKER = "<!-- schemagate-diff -->";

  private MarkdownReport() {}

  public static String render(DiffReport report) {
    StringBuilder md = new StringBuilder(MARKER).append('\n');
    verdict(md, report);
    for (SchemaDiff schema : report.schemas()) {
      schema(md, schema);
    }
    if (!report.contracts().isEmpty()) {
      md.append("\n### Contracts\n");
      for (ContractDiff contract : report.contracts()) {
        contract(md, contract);
      }
    }
    report.impact().ifPresent(impact -> impact(md, impact));
    return md.toString();
  }

  private static void verdict(StringBuilder md, DiffReport report) {
    long breakingSchemas = report.schemas().stream().filter(SchemaDiff::breaking).count();
    if (report.breaking()) {
      md.append(
          "## ❌ schemagate: %d breaking change%s in %d schema%s\n"
              .formatted(
                  report.breakingChanges(),
                  plural(report.breakingChanges()),
                  breakingSchemas,
                  plural(breakingSchemas)));
    } else if (report.schemas().isEmpty() && report.contracts().isEmpty()) {
      md.append("## ✅ schemagate: no schema or contract changed\n");
    } else {
      md.append("## ✅ schemagate: no breaking changes\n");
    }
    md.append(
        "\n`%s` → `%s` · %d schema%s and %d contract%s changed · suggested version bump: **%s**\n"
            .formatted(
                report.base(),
                report.head(),
                report.schemas().size(),
                plural(report.schemas().size()),
                report.contracts().size(),
                plural(report.contracts().size()),
                report.bump().name().toLowerCase(Locale.ROOT)));
  }

  private static void schema(StringBuilder md, SchemaDiff schema) {
    md.append(
        "\n### %s `%s` — %s · %s · `%s`\n"
            .formatted(
                schema.breaking() ? "❌" : "✅",
                schema.subject(),
                schema.status().name().toLowerCase(Locale.ROOT),
                schema.level(),
                schema.file()));
    md.append(
        "checked against %s · bump: %s\n"
            .formatted(schema.checkedAgainst(), schema.bump().name().toLowerCase(Locale.ROOT)));
    for (String note : schema.notes()) {
      md.append("> ").append(note).append('\n');
    }
    if (schema.changes().isEmpty()) {
      return;
    }
    md.append("\n| | path | change | fix |\n|---|---|---|---|\n");
    for (LocatedChange change : schema.changes()) {
      md.append(
          "| %s | `%s` (line %d) | %s: %s | %s |\n"
              .formatted(
                  change.breaking() ? "❌ breaking" : "ok",
                  change.path().isEmpty() ? "/" : change.path(),
                  change.line(),
                  change.type(),
                  cell(change.message()),
                  cell(change.fix().orElse(""))));
    }
  }

  private static void contract(StringBuilder md, ContractDiff contract) {
    md.append(
        "\n#### `%s` — %s · schema `%s` · `%s`\n"
            .formatted(
                contract.id(),
                contract.status().name().toLowerCase(Locale.ROOT),
                contract.schemaRef(),
                contract.file()));
    for (ContractDiff.Item item : contract.changes()) {
      md.append(
          "- %s%s (line %d)\n".formatted(item.risky() ? "⚠️ " : "", item.change(), item.line()));
    }
  }

  private static void impact(StringBuilder md, ImpactReport impact) {
    md.append("\n### Impact downstream\n");
    if (impact.subjects().isEmpty()) {
      md.append("No breaking or risky change touches a field the lineage graph knows.\n");
      return;
    }
    for (ImpactReport.SubjectImpact subject : impact.subjects()) {
      md.append(
          "\n**`%s`** — severity **%s**%s: %s\n"
              .formatted(
                  subject.subject(),
                  subject.severity(),
                  subject.blocking() ? " (blocking)" : "",
                  cell(subject.reason())));
      md.append(
          "Fields traced: `%s` · %d column%s reached downstream\n"
              .formatted(
                  String.join("`, `", subject.fields()),
                  subject.reachedColumns(),
                  plural(subject.reachedColumns())));
    }
    table(md, "Batch (dbt models, dashboards, ML models)", impact, false);
    table(md, "Streaming (services)", impact, true);
  }

  private static void table(
      StringBuilder md, String title, ImpactReport impact, boolean streaming) {
    md.append("\n#### ").append(title).append('\n');
    StringBuilder rows = new StringBuilder();
    for (ImpactReport.SubjectImpact subject : impact.subjects()) {
      for (ImpactReport.Asset asset : subject.assets()) {
        if (asset.streaming() == streaming) {
          rows.append(
              "| %s | %s | %s | %s | %s | %s | %s |\n"
                  .formatted(
                      asset.name(),
                      asset.kind(),
                      asset.criticality(),
                      subject.severity(),
                      asset.owner(),
                      subject.subject(),
                      cell(asset.path())));
        }
      }
    }
    if (rows.isEmpty()) {
      md.append("None affected.\n");
      return;
    }
    md.append("| asset | kind | criticality | severity | owner | subject | path |\n");
    md.append("|---|---|---|---|---|---|---|\n").append(rows);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  private static String plural(long count) {
    return count == 1 ? "" : "s";
  }

  static String joined(List<String> values) {
    return String.join(", ", values);
  }
}
