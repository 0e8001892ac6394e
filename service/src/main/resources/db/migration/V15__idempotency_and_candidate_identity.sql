-- Idempotent writes (issue 11): the first successful answer to a state-changing POST sent with an Idempotency-Key,
-- kept per caller for decisions.idempotency.retention, so a retry with the same key and the same body gets the same
-- answer, and a retry with another body is refused. The stored answer may hold personal data (a candidate's
-- details): rows are deleted once the retention has passed.
CREATE TABLE idempotency_key (
    caller        VARCHAR(200) NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL, -- SHA-256 of method, path, query and body
    status        INTEGER      NOT NULL,
    content_type  VARCHAR(200),
    location      VARCHAR(1000),
    body          VARCHAR,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

-- A nomination of one identified person (external id, or full name and birth date) in a jurisdiction: a candidate
-- resubmitted without a key is recognised by it and not stored twice. NULL when the person cannot be identified.
ALTER TABLE candidate ADD COLUMN nomination_key VARCHAR(64);
CREATE UNIQUE INDEX candidate_nomination_key ON candidate (jurisdiction, nomination_key);
