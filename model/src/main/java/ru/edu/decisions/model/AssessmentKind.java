package ru.edu.decisions.model;

/** Kind of professional assessment. */
public enum AssessmentKind implements Labelled {
    FIOKO_DIAGNOSTICS("диагностика профессиональных компетенций ФГБУ «ФИОКО»"),
    FIS_OKO_ASSESSMENT("оценка предметных и методических компетенций по требованиям ФИС ОКО"),
    EXPERT_EVALUATION("экспертная оценка профессиональной деятельности"),
    DEFICIT_QUESTIONNAIRE("опросный лист по выявлению профессиональных дефицитов");

    private final String label;

    AssessmentKind(String label) { this.label = label; }

    @Override public String label() { return label; }
}
