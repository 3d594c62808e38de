-- Column-level lineage (the lineage package owns V100+). Nodes are columns and assets; edges run
-- producer -> consumer. Every insert or change takes a number from lineage_change_seq, so a
-- replica catches up by reading rows whose `changed` is above what it has seen; a delete bumps
-- lineage_generation so replicas reload instead.
CREATE SEQUENCE lineage_change_seq;

CREATE TABLE lineage_nodes (
    id           text   PRIMARY KEY,
    kind         text   NOT NULL CHECK (kind IN ('column', 'dbt_model', 'dashboard', 'service', 'ml_model')),
    namespace    text,
    dataset      text,
    column_name  text,
    name         text,
    owner        text,
    criticality  text CHECK (criticality IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    environment  text,
    changed      bigint NOT NULL DEFAULT nextval('lineage_change_seq'),
    CHECK ((kind = 'column') = (namespace IS NOT NULL AND dataset IS NOT NULL AND column_name IS NOT NULL)),
    CHECK ((kind = 'column') = (name IS NULL AND owner IS NULL AND criticality IS NULL))
);
CREATE INDEX lineage_nodes_by_change ON lineage_nodes (changed);

CREATE TABLE lineage_edges (
    source         text   NOT NULL REFERENCES lineage_nodes (id),
    target         text   NOT NULL REFERENCES lineage_nodes (id),
    transformation text   NOT NULL CHECK (transformation IN ('DIRECT', 'INDIRECT')),
    subtype        text   NOT NULL DEFAULT '',
    changed        bigint NOT NULL DEFAULT nextval('lineage_change_seq'),
    PRIMARY KEY (source, target, transformation, subtype)
);
CREATE INDEX lineage_edges_by_target ON lineage_edges (target);
CREATE INDEX lineage_edges_by_change ON lineage_edges (changed);

-- One row per OpenLineage event received: a repeated event is recognised, not re-applied.
CREATE TABLE lineage_run_events (
    run_id        uuid        NOT NULL,
    event_type    text        NOT NULL,
    event_time    timestamptz NOT NULL,
    job_namespace text        NOT NULL,
    job_name      text        NOT NULL,
    edges         integer     NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, event_type, event_time)
);

CREATE TABLE lineage_generation (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    generation bigint  NOT NULL
);
INSERT INTO lineage_generation VALUES (true, 0);
