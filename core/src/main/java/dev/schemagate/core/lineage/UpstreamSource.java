package dev.schemagate.core.lineage;

/**
 * A node upstream of the queried field, with a shortest path from it to the field.
 *
 * @param root whether nothing feeds this node (an original source)
 */
public record UpstreamSource(LineageNode node, boolean root, LineagePath path) {}
