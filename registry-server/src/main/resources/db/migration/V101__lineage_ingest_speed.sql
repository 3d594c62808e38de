-- Ingest speed when every event brings new columns (issue 19): each new edge row cost two
-- foreign-key trigger queries, each locking the node row it names (FOR KEY SHARE writes the lock
-- into the node's tuple, so WAL and a dirtied page per edge), and every row a B-tree insert in the
-- `changed` index. The one writer that inserts edges inserts their nodes first in the same
-- transaction and nodes are never deleted, so the keys add no protection worth that cost.
ALTER TABLE lineage_edges DROP CONSTRAINT lineage_edges_source_fkey;
ALTER TABLE lineage_edges DROP CONSTRAINT lineage_edges_target_fkey;

-- `changed` grows with insertion order, so a BRIN index (one summary per 32 pages, nearly free to
-- maintain) serves the catch-up read `changed > ?` as well as a B-tree; pages not yet summarised
-- are always scanned, so no row is missed.
DROP INDEX lineage_nodes_by_change;
DROP INDEX lineage_edges_by_change;
CREATE INDEX lineage_nodes_by_change ON lineage_nodes USING brin (changed) WITH (pages_per_range = 32, autosummarize = on);
CREATE INDEX lineage_edges_by_change ON lineage_edges USING brin (changed) WITH (pages_per_range = 32, autosummarize = on);
