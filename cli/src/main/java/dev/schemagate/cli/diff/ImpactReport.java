package dev.schemagate.cli.diff;

import java.util.List;

/**
 * Who downstream reads the fields a change breaks or puts at risk, from the registry's lineage API.
 *
 * @param subjects one entry per subject with traced fields
 */
public record ImpactReport(List<SubjectImpact> subjects) {
  public ImpactReport {
    subjects = List.copyOf(subjects);
  }

  /**
   * The impact of one subject's changes.
   *
   * @param fields the lineage columns asked about ({@code kafka.orders.amount})
   * @param severity the registry's grade (NONE..CRITICAL)
   * @param reason why that grade
   * @param assets the affected assets
   * @param reachedColumns how many columns downstream the changed ones flow into
   */
  public record SubjectImpact(
      String subject,
      List<String> fields,
      String severity,
      boolean blocking,
      String reason,
      List<Asset> assets,
      int reachedColumns) {
    public SubjectImpact {
      fields = List.copyOf(fields);
      assets = List.copyOf(assets);
    }
  }

  /** One affected asset and the path from the changed column to it. */
  public record Asset(
      String id,
      String kind,
      String name,
      String owner,
      String criticality,
      boolean direct,
      String path) {
    /** dbt models, dashboards and ML models are batch; services read the stream. */
    public boolean streaming() {
      return kind.equals("service");
    }
  }
}
