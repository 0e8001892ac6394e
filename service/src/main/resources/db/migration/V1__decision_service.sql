-- One migration set for PostgreSQL (production) and H2 in PostgreSQL mode (embedded default):
-- portable types only; JSON documents are kept as text (VARCHAR without length).
-- Ids are UUIDs assigned by the application; "version" is the optimistic-locking version of Spring Data JDBC
-- (null on a new aggregate, so save() inserts it).

-- A teacher: a person whose profile the service holds. Candidates, asset members, mentees are teachers.
CREATE TABLE teacher (
    id           UUID PRIMARY KEY,
    version      BIGINT       NOT NULL,
    jurisdiction VARCHAR(64)  NOT NULL,
    external_id  VARCHAR(100),
    profile      VARCHAR      NOT NULL, -- TeacherProfile as JSON: holds personal data (ФИО, дата рождения, контакты)
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX teacher_external_id ON teacher (jurisdiction, external_id);

-- A nomination of a teacher to the methodological asset, with its latest eligibility decision.
CREATE TABLE candidate (
    id                      UUID PRIMARY KEY,
    version                 BIGINT       NOT NULL,
    teacher_id              UUID         NOT NULL REFERENCES teacher (id),
    jurisdiction            VARCHAR(64)  NOT NULL,
    nominated_by            VARCHAR(500),
    nomination_basis        VARCHAR(500),
    latest_decision_id      UUID,
    latest_verdict          VARCHAR(32),
    latest_rule_set_version VARCHAR(100),
    latest_evaluated_at     TIMESTAMP WITH TIME ZONE,
    submitted_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by            VARCHAR(100)
);
CREATE INDEX candidate_jurisdiction_verdict ON candidate (jurisdiction, latest_verdict, submitted_at);
CREATE INDEX candidate_teacher ON candidate (teacher_id);

-- The municipal registry of the methodological asset (Ust-Ishim 3.4.5). Rows are never deleted: an exclusion
-- closes a membership; a later inclusion opens a new one. active_teacher_id is set while the membership is
-- active, so the unique index allows one active membership per teacher (NULLs do not collide).
CREATE TABLE registry_member (
    id                UUID PRIMARY KEY,
    version           BIGINT       NOT NULL,
    jurisdiction      VARCHAR(64)  NOT NULL,
    teacher_id        UUID         NOT NULL REFERENCES teacher (id),
    candidate_id      UUID         NOT NULL REFERENCES candidate (id),
    basis_decision_id UUID         NOT NULL,
    active_teacher_id UUID,
    included_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    included_by       VARCHAR(100),
    excluded_at       TIMESTAMP WITH TIME ZONE,
    excluded_by       VARCHAR(100),
    exclusion_reason  VARCHAR(2000)
);
CREATE UNIQUE INDEX registry_member_active ON registry_member (active_teacher_id);
CREATE INDEX registry_member_jurisdiction ON registry_member (jurisdiction, included_at);

-- Every decision the service makes, from any endpoint: append-only. For the stateless decision endpoints it holds
-- no personal data (the decision document is stored without it); subject_id links a workflow decision to its record.
CREATE TABLE decision_log (
    id               UUID PRIMARY KEY,
    kind             VARCHAR(20)  NOT NULL,
    source           VARCHAR(20)  NOT NULL,
    jurisdiction     VARCHAR(64)  NOT NULL,
    rule_set_version VARCHAR(100) NOT NULL,
    as_of            DATE         NOT NULL,
    outcome          VARCHAR(32),
    grounds          VARCHAR      NOT NULL, -- JSON array of clause codes
    reasons          VARCHAR      NOT NULL, -- JSON array of {code, status, message}
    input_hash       VARCHAR(64)  NOT NULL, -- SHA-256 of the canonical request
    subject_id       UUID,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decision         VARCHAR      NOT NULL  -- the decision document as answered
);
CREATE INDEX decision_log_subject ON decision_log (subject_id, decided_at);
CREATE INDEX decision_log_jurisdiction ON decision_log (jurisdiction, decided_at);
