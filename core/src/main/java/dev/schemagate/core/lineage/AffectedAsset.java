package dev.schemagate.core.lineage;

/**
 * An asset reached by an impact query, with the shortest path that reaches it (a path made only of
 * DIRECT hops when one exists).
 *
 * @param direct whether the asset is reached through DIRECT transformations only
 */
public record AffectedAsset(AssetNode asset, boolean direct, LineagePath path) {}
