package dev.schemagate.registry.client.lineage;

import java.util.List;

/**
 * Where one column's data comes from.
 *
 * @param known whether the lineage graph has the column at all
 * @param sources the columns it derives from, each with the path rendered for humans
 */
public record UpstreamReport(String field, boolean known, List<Source> sources) {
  public UpstreamReport {
    sources = List.copyOf(sources);
  }

  /** One source column; {@code root} when nothing further upstream is known. */
  public record Source(String id, boolean root, String explanation) {}
}
