-- Data drift reports (`schemagate monitor --registry` posts them; the operator shows the latest on
-- the DataContract's status, records an event and sends a notice). The drift package owns V165+.
-- The report is kept whole as jsonb (every field's statistics); breaches are what the status needs.
CREATE TABLE drift_reports (
    id            bigserial   PRIMARY KEY,
    namespace     text        NOT NULL,
    contract      text        NOT NULL,
    verdict       text        NOT NULL CHECK (verdict IN ('BREACHED', 'STEADY')),
    compared_at   timestamptz NOT NULL,
    source        text        NOT NULL,
    records_read  bigint      NOT NULL CHECK (records_read >= 0),
    breaches      jsonb       NOT NULL,
    report        jsonb       NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX drift_reports_latest ON drift_reports (namespace, contract, compared_at DESC, id DESC);
