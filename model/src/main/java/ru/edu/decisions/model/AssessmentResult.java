package ru.edu.decisions.model;

/** Result of an assessment. {@code HIGH} also counts as passed. */
public enum AssessmentResult implements Labelled {
    PASSED("пройдена"),
    FAILED("не пройдена"),
    HIGH("высокий результат"),
    MEDIUM("средний результат"),
    LOW("низкий результат");

    private final String label;

    AssessmentResult(String label) { this.label = label; }

    @Override public String label() { return label; }
}
