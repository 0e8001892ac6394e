-- What the indicators of the methodological service (Kuznetsk 4.1) need and the workflow does not hold: entered by the
-- IMC, each with who entered it and when.

-- The status of a regional methodist a teacher holds, from its date (4.1.3.1, 4.1.3.2). Removing the status deletes the row.
CREATE TABLE regional_methodist (
    teacher_id   UUID         PRIMARY KEY REFERENCES teacher (id),
    jurisdiction VARCHAR(64)  NOT NULL,
    since        DATE         NOT NULL,
    document     VARCHAR(500),
    entered_by   VARCHAR(100),
    entered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX regional_methodist_jurisdiction ON regional_methodist (jurisdiction);

-- A school marked as included in the target model of mentoring, from its date (4.1.3.5).
CREATE TABLE school_mentoring_model (
    jurisdiction VARCHAR(64)  NOT NULL,
    school       VARCHAR(500) NOT NULL,
    since        DATE         NOT NULL,
    document     VARCHAR(500),
    entered_by   VARCHAR(100),
    entered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (jurisdiction, school)
);

-- The road map of methodological support: the document's number and date (4.1.1.1).
CREATE TABLE indicator_road_map (
    id           UUID         PRIMARY KEY,
    jurisdiction VARCHAR(64)  NOT NULL,
    number       VARCHAR(100) NOT NULL,
    adopted_on   DATE         NOT NULL,
    entered_by   VARCHAR(100),
    entered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX indicator_road_map_jurisdiction ON indicator_road_map (jurisdiction, adopted_on);

-- A school's management team in a qualification programme, with the date (4.1.2.6).
CREATE TABLE management_team_programme (
    id           UUID          PRIMARY KEY,
    jurisdiction VARCHAR(64)   NOT NULL,
    school       VARCHAR(500)  NOT NULL,
    programme    VARCHAR(1000) NOT NULL,
    completed_on DATE          NOT NULL,
    entered_by   VARCHAR(100),
    entered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX management_team_programme_jurisdiction ON management_team_programme (jurisdiction, completed_on);

-- A satisfaction survey: the day it was held, its result in percent and the number of respondents (4.1.4.1).
CREATE TABLE satisfaction_survey (
    id             UUID         PRIMARY KEY,
    jurisdiction   VARCHAR(64)  NOT NULL,
    held_on        DATE         NOT NULL,
    result_percent NUMERIC(4,1) NOT NULL,
    respondents    INTEGER      NOT NULL,
    entered_by     VARCHAR(100),
    entered_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX satisfaction_survey_jurisdiction ON satisfaction_survey (jurisdiction, held_on);
