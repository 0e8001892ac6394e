-- Where a teacher works: routes and mentoring decide by the municipality, the okrug (Dagestan's inter-municipal
-- methodical okrugs) and the school with its flags (JSON {name, flags}).
ALTER TABLE teacher ADD COLUMN municipality VARCHAR(200);
ALTER TABLE teacher ADD COLUMN okrug VARCHAR(200);
ALTER TABLE teacher ADD COLUMN school VARCHAR;
CREATE INDEX teacher_jurisdiction ON teacher (jurisdiction, updated_at);

-- Reference data: schools with their flags. flags: comma-separated LOW_RESULTS / DIFFICULT_SOCIAL.
CREATE TABLE school (
    jurisdiction VARCHAR(64)  NOT NULL,
    name         VARCHAR(500) NOT NULL,
    municipality VARCHAR(200),
    okrug        VARCHAR(200),
    flags        VARCHAR(100) NOT NULL,
    basis        VARCHAR(500),
    PRIMARY KEY (jurisdiction, name)
);

-- Приказ Комитета образования Усть-Ишимского МР № 03/1 от 10.01.2023, п. 2: адресное сопровождение членами ММА
-- школ с низкими образовательными результатами и школ, функционирующих в сложных социальных условиях.
INSERT INTO school (jurisdiction, name, municipality, okrug, flags, basis) VALUES
    ('ust-ishim', 'МБОУ «Аксёновская СОШ»', 'Усть-Ишимский муниципальный район', NULL, 'LOW_RESULTS', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Большетавинская ООШ»', 'Усть-Ишимский муниципальный район', NULL, 'LOW_RESULTS', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Большетебендинская СОШ»', 'Усть-Ишимский муниципальный район', NULL, 'LOW_RESULTS', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Загваздинская СОШ»', 'Усть-Ишимский муниципальный район', NULL, 'LOW_RESULTS', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Ярковская ООШ»', 'Усть-Ишимский муниципальный район', NULL, 'LOW_RESULTS', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Ашеванская ООШ»', 'Усть-Ишимский муниципальный район', NULL, 'DIFFICULT_SOCIAL', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Кайлинская ООШ»', 'Усть-Ишимский муниципальный район', NULL, 'DIFFICULT_SOCIAL', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Малобичинская СОШ»', 'Усть-Ишимский муниципальный район', NULL, 'DIFFICULT_SOCIAL', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Никольская ООШ»', 'Усть-Ишимский муниципальный район', NULL, 'DIFFICULT_SOCIAL', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Ореховская СОШ»', 'Усть-Ишимский муниципальный район', NULL, 'DIFFICULT_SOCIAL', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Пановская СОШ»', 'Усть-Ишимский муниципальный район', NULL, 'DIFFICULT_SOCIAL', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Слободчиковская ООШ»', 'Усть-Ишимский муниципальный район', NULL, 'DIFFICULT_SOCIAL', 'приказ № 03/1 от 10.01.2023, п. 2 (в приказе: «Слободчикоская»)'),
    ('ust-ishim', 'МБОУ «Скородумская ООШ»', 'Усть-Ишимский муниципальный район', NULL, 'DIFFICULT_SOCIAL', 'приказ № 03/1 от 10.01.2023, п. 2'),
    ('ust-ishim', 'МБОУ «Лицей «Альфа»»', 'Усть-Ишимский муниципальный район', NULL, 'DIFFICULT_SOCIAL', 'приказ № 03/1 от 10.01.2023, п. 2');

-- An individual educational route (ИОМ) made from a teacher's diagnostics, with the decision behind it.
-- status: ACTIVE → COMPLETED when every item is DONE; SUPERSEDED when new diagnostics give a new route;
-- EMPTY when the diagnostics found nothing to do. Routes are never deleted.
CREATE TABLE educational_route (
    id                    UUID PRIMARY KEY,
    version               BIGINT      NOT NULL,
    teacher_id            UUID        NOT NULL REFERENCES teacher (id),
    jurisdiction          VARCHAR(64) NOT NULL,
    decision_id           UUID        NOT NULL,
    rule_set_version      VARCHAR(100) NOT NULL,
    as_of                 DATE        NOT NULL,
    diagnostics_date      DATE,
    deficits              VARCHAR     NOT NULL, -- JSON array of {area, score, level}
    follow_up_diagnostics DATE,
    total_hours           INTEGER     NOT NULL,
    status                VARCHAR(20) NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by            VARCHAR(100),
    completed_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX educational_route_teacher ON educational_route (teacher_id, created_at);
CREATE INDEX educational_route_jurisdiction ON educational_route (jurisdiction, status);

-- The items of a route, in order (item number = educational_route_key + 1); deferred items wait for the next school year.
-- status: PLANNED → IN_PROGRESS → DONE (with the evidence of completion).
CREATE TABLE route_item (
    educational_route UUID         NOT NULL REFERENCES educational_route (id),
    educational_route_key INTEGER  NOT NULL,
    activity_id       VARCHAR(64)  NOT NULL,
    type              VARCHAR(30)  NOT NULL,
    title             VARCHAR(1000) NOT NULL,
    areas             VARCHAR(500) NOT NULL,
    hours             INTEGER      NOT NULL,
    format            VARCHAR(20)  NOT NULL,
    federal_registry  BOOLEAN      NOT NULL,
    provider          VARCHAR(1000),
    start_date        DATE         NOT NULL,
    end_date          DATE         NOT NULL,
    required_evidence VARCHAR(1000) NOT NULL,
    reason            VARCHAR      NOT NULL,
    code              VARCHAR(64)  NOT NULL,
    deferred          BOOLEAN      NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    evidence          VARCHAR(2000),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (educational_route, educational_route_key)
);

-- The history of a route: creation, every item status change with its evidence, completion, supersession.
CREATE TABLE route_event (
    educational_route UUID         NOT NULL REFERENCES educational_route (id),
    educational_route_key INTEGER  NOT NULL,
    at                TIMESTAMP WITH TIME ZONE NOT NULL,
    actor             VARCHAR(100),
    item_number       INTEGER,
    from_status       VARCHAR(20),
    to_status         VARCHAR(20)  NOT NULL,
    note              VARCHAR(2000),
    PRIMARY KEY (educational_route, educational_route_key)
);
