package dev.schemagate.core.lineage;

/** A vertex of the lineage graph: a column of a dataset, or an asset that consumes columns. */
public sealed interface LineageNode permits ColumnNode, AssetNode {
  /** The unique key of the node in the graph. */
  String id();
}
