package ru.edu.decisions.rules.indicators;

import java.util.List;
import java.util.Optional;
import ru.edu.decisions.model.FiredRule;

/** The indicators of a jurisdiction for a period, in code order, and the rules that fired (each once). */
public record IndicatorOutcome(Period period, List<IndicatorFigure> figures, List<FiredRule> trace) {

    public IndicatorOutcome {
        figures = List.copyOf(figures);
        trace = List.copyOf(trace);
    }

    public Optional<IndicatorFigure> figure(String code) {
        return figures.stream().filter(f -> f.indicator().code().equals(code)).findFirst();
    }
}
