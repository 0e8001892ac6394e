-- What a member of the asset offers as a mentor: consent, how many mentees, strengths (competence areas, comma-separated).
CREATE TABLE mentor_profile (
    registry_member_id UUID PRIMARY KEY REFERENCES registry_member (id),
    version            BIGINT       NOT NULL,
    jurisdiction       VARCHAR(64)  NOT NULL,
    consent            BOOLEAN      NOT NULL,
    capacity           INTEGER,
    strengths          VARCHAR(500) NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         VARCHAR(100)
);

-- An assignment run for a jurisdiction: the mentoring decision over the asset's members and the teachers who need a
-- mentor at that moment. Runs are never deleted; a later run does not change an earlier one.
CREATE TABLE mentoring_run (
    id            UUID PRIMARY KEY,
    version       BIGINT      NOT NULL,
    jurisdiction  VARCHAR(64) NOT NULL,
    decision_id   UUID        NOT NULL,
    rule_set_version VARCHAR(100) NOT NULL,
    as_of         DATE        NOT NULL,
    mentors       INTEGER     NOT NULL,
    mentees       INTEGER     NOT NULL,
    kept_pairs    INTEGER     NOT NULL,
    unassigned    VARCHAR     NOT NULL, -- JSON array of {menteeId, reasons}
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(100)
);
CREATE INDEX mentoring_run_jurisdiction ON mentoring_run (jurisdiction, created_at);

-- A pair a run proposed: PROPOSED → CONFIRMED → ENDED (or PROPOSED → ENDED when the IMC declines it).
-- active_mentee_id is set while the pair is confirmed, so a teacher has at most one confirmed mentor.
CREATE TABLE mentoring_pair (
    id                 UUID PRIMARY KEY,
    version            BIGINT       NOT NULL,
    run_id             UUID         NOT NULL REFERENCES mentoring_run (id),
    jurisdiction       VARCHAR(64)  NOT NULL,
    mentee_teacher_id  UUID         NOT NULL REFERENCES teacher (id),
    mentor_member_id   UUID         NOT NULL REFERENCES registry_member (id),
    score              INTEGER      NOT NULL,
    reasons            VARCHAR      NOT NULL, -- JSON array of {code, status, message}
    status             VARCHAR(20)  NOT NULL,
    active_mentee_id   UUID,
    confirmed_at       TIMESTAMP WITH TIME ZONE,
    confirmed_by       VARCHAR(100),
    ended_at           TIMESTAMP WITH TIME ZONE,
    ended_by           VARCHAR(100),
    end_reason         VARCHAR(2000)
);
CREATE INDEX mentoring_pair_run ON mentoring_pair (run_id);
CREATE INDEX mentoring_pair_mentor ON mentoring_pair (mentor_member_id, status);
CREATE UNIQUE INDEX mentoring_pair_active_mentee ON mentoring_pair (active_mentee_id);
