-- Batch quality checkpoints (`schemagate check` posts them; the operator shows the latest on the
-- DataContract's status). The checkpoint package owns V160+. The report is kept whole as jsonb so
-- per-rule details survive; the columns are what the status and queries need.
CREATE TABLE checkpoints (
    id            bigserial   PRIMARY KEY,
    namespace     text        NOT NULL,
    contract      text        NOT NULL,
    verdict       text        NOT NULL CHECK (verdict IN ('PASSED', 'FAILED')),
    checked_at    timestamptz NOT NULL,
    source        text        NOT NULL,
    rows_checked  bigint      NOT NULL CHECK (rows_checked >= 0),
    failed_rules  integer     NOT NULL CHECK (failed_rules >= 0),
    report        jsonb       NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX checkpoints_latest ON checkpoints (namespace, contract, checked_at DESC, id DESC);
