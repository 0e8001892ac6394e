package ru.edu.decisions.model.routes;

import ru.edu.decisions.model.Labelled;

/** Competence areas of the diagnostics (keys of {@code diagnostics.scores}). */
public enum CompetenceArea implements Labelled {
    SUBJECT("предметные"),
    METHODICAL("методические"),
    PSYCHO_PEDAGOGICAL("психолого-педагогические"),
    COMMUNICATIVE("коммуникативные"),
    REGULATORY("нормативно-правовые"),
    DIGITAL("цифровые"),
    FUNCTIONAL_LITERACY("формирование функциональной грамотности"),
    UPDATED_FGOS("реализация обновлённых ФГОС и ФОП"),
    UPBRINGING("воспитательная работа, классное руководство"),
    INCLUSIVE("обучение детей с ОВЗ"),
    ASSESSMENT("объективность оценивания"),
    MANAGEMENT("управленческие");

    private final String label;

    CompetenceArea(String label) { this.label = label; }

    @Override public String label() { return label; }
}
