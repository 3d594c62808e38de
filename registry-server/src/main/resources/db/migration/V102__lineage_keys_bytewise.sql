-- Ingest speed when every event brings new columns (issue 19), index maintenance per row:
-- 1. Node ids and edge keys compare byte-wise (COLLATE "C"). Under the database's default
--    collation (often a libc locale such as en_US.UTF-8 or C.UTF-8) every B-tree comparison and
--    every sort of the writer's statement calls strcoll, and sorts get no abbreviated keys; the
--    ids are opaque (never ordered for display, compared only for equality), so byte order loses
--    nothing. Equality is the same under both (deterministic collations).
-- 2. The edges' primary key leads with `target`, so it also serves the one query by target (a
--    consumer declaration reading what an asset reads) and the separate `lineage_edges_by_target`
--    index, one more B-tree insert per new edge, goes. No query looks edges up by source alone.
ALTER TABLE lineage_edges DROP CONSTRAINT lineage_edges_pkey;
DROP INDEX lineage_edges_by_target;
ALTER TABLE lineage_nodes ALTER COLUMN id TYPE text COLLATE "C";
ALTER TABLE lineage_edges
    ALTER COLUMN source TYPE text COLLATE "C",
    ALTER COLUMN target TYPE text COLLATE "C",
    ALTER COLUMN transformation TYPE text COLLATE "C",
    ALTER COLUMN subtype TYPE text COLLATE "C";
ALTER TABLE lineage_edges ADD PRIMARY KEY (target, source, transformation, subtype);
