-- A period's indicator report frozen as filed: the figures as computed then (the API's JSON, with the rule-set version),
-- who froze it and when. Snapshots are never changed or deleted; later data changes do not touch them.
CREATE TABLE indicator_snapshot (
    id               UUID         PRIMARY KEY,
    jurisdiction     VARCHAR(64)  NOT NULL,
    period_from      DATE         NOT NULL,
    period_to        DATE         NOT NULL,
    rule_set_version VARCHAR(100) NOT NULL,
    figures          VARCHAR      NOT NULL,
    note             VARCHAR(500),
    created_by       VARCHAR(100),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX indicator_snapshot_jurisdiction ON indicator_snapshot (jurisdiction, created_at);
