-- schemagate registry: the source of truth. Ids come from a sequence and are never reused:
-- a permanent delete removes versions, never the schema row that reserves its id.
CREATE SEQUENCE schema_id_seq START WITH 1;

CREATE TABLE schemas (
    id           integer     PRIMARY KEY,
    format       text        NOT NULL,
    -- format + canonical fingerprint (+ references): identical content, one id.
    content_key  text        NOT NULL UNIQUE,
    fingerprint  text        NOT NULL,
    schema_text  text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX schemas_by_fingerprint ON schemas (fingerprint);

CREATE TABLE schema_references (
    schema_id    integer NOT NULL REFERENCES schemas (id),
    ordinal      integer NOT NULL,
    name         text    NOT NULL,
    subject      text    NOT NULL,
    version      integer NOT NULL,
    PRIMARY KEY (schema_id, ordinal)
);
CREATE INDEX schema_references_by_target ON schema_references (subject, version);

-- One row per subject ever configured or registered: the row writers lock to serialise versions.
CREATE TABLE subjects (
    name          text        PRIMARY KEY,
    compatibility text,
    mode          text,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE subject_versions (
    subject       text        NOT NULL REFERENCES subjects (name),
    version       integer     NOT NULL CHECK (version > 0),
    schema_id     integer     NOT NULL REFERENCES schemas (id),
    deleted       boolean     NOT NULL DEFAULT false,
    registered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, version)
);
-- A schema appears at most once among a subject's live versions.
CREATE UNIQUE INDEX subject_versions_live_schema ON subject_versions (subject, schema_id) WHERE NOT deleted;
CREATE INDEX subject_versions_by_schema ON subject_versions (schema_id);

CREATE TABLE registry_settings (
    name  text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO registry_settings (name, value) VALUES ('compatibility', 'BACKWARD'), ('mode', 'READWRITE');
