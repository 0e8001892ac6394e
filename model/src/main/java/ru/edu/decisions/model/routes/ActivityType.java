package ru.edu.decisions.model.routes;

import ru.edu.decisions.model.Labelled;

/** Type of an activity of an individual educational route. */
public enum ActivityType implements Labelled {
    COURSE("курс ДПО"),
    INTERNSHIP("стажировка"),
    MENTORING("наставничество"),
    TUTORING("тьюторское сопровождение"),
    SEMINAR("семинар"),
    WEBINAR("вебинар"),
    MASTER_CLASS("мастер-класс"),
    OPEN_LESSON("открытый урок"),
    PROFESSIONAL_COMMUNITY("профессиональное сообщество"),
    METHODICAL_CLUSTER("методический кластер"),
    SELF_EDUCATION("самообразование"),
    BURNOUT_PREVENTION("профилактика выгорания");

    private final String label;

    ActivityType(String label) { this.label = label; }

    @Override public String label() { return label; }
}
