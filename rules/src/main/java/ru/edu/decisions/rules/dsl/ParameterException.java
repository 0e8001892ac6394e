package ru.edu.decisions.rules.dsl;

/**
 * A rule asked for a manifest parameter that is not there or is not of the kind it needs (e.g. a whole number):
 * a defect of the jurisdiction's {@code manifest.yaml}, reported against that file and the parameter's line.
 */
public final class ParameterException extends IllegalArgumentException {

    private final String parameter;

    public ParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter's name in {@code manifest.yaml}. */
    public String parameter() {
        return parameter;
    }
}
