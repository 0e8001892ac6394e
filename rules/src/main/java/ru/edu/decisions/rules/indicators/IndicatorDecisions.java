package ru.edu.decisions.rules.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.DecisionType;

/**
 * The indicators of the methodological service for the engine: rule files {@code indicators*.drl}, {@link IndicatorRules}.
 * Not a decision about a person: the rules read a whole jurisdiction's workflow, so a run fires many rules.
 */
public final class IndicatorDecisions implements DecisionType<IndicatorRules> {

    /** Indicators read every teacher of a school in one session: many firings are normal there. */
    private static final int MAX_FIRINGS = 50_000_000;

    @Override
    public DecisionKind kind() {
        return DecisionKind.INDICATORS;
    }

    @Override
    public Class<IndicatorRules> rulesType() {
        return IndicatorRules.class;
    }

    @Override
    public int maxFirings() {
        return MAX_FIRINGS;
    }

    @Override
    public boolean everyFiring() {
        return false;
    }

    @Override
    public @Nullable IndicatorRules rules(Build build, List<CompileProblem> problems) {
        return new IndicatorRules(build.runner(), build.parameters());
    }

    @Override
    public void trySamples(IndicatorRules rules, LocalDate today) {
        rules.evaluate(indicatorSample(today), today.withDayOfYear(1), today);
    }

    @Override
    public String samplesFailed() {
        return "Пробный расчёт показателей по образцу не получился: ";
    }

    /**
     * A small jurisdiction for a trial of indicator rules: teachers with and without data, a route with a done course,
     * a pair, a school marked included, every entered record — and nulls where a record may have them.
     */
    static IndicatorFacts indicatorSample(LocalDate today) {
        LocalDate earlier = today.withDayOfYear(1);
        var staff = List.of(
                new Staff("t1", "Школа № 1", Position.TEACHER, today.minusYears(30), 2, earlier),
                new Staff("t2", "Школа № 1", Position.HEAD, today.minusYears(50), 25, null),
                new Staff("t3", null, null, null, null, null));
        return new IndicatorFacts(staff,
                List.of(new DiagnosticsTaken("t1", today)),
                List.of(new RouteRecord("r1", "t1", today, today, "COMPLETED", today),
                        new RouteRecord("r2", "t3", null, today, "ACTIVE", null)),
                List.of(new RouteItemRecord("r1", "t1",
                        ActivityType.COURSE, true, earlier, today, "DONE", true, today)),
                List.of(new MentoringPairRecord("p1", "t1", "Школа № 1", earlier, null),
                        new MentoringPairRecord("p2", "t3", null, null, null)),
                List.of(new SchoolRecord("Школа № 1", earlier),
                        new SchoolRecord("Школа № 2", null)),
                List.of(new RoadMap("1", earlier)),
                List.of(new Survey(today, BigDecimal.valueOf(87.5), 40)),
                List.of(new ManagementTeamProgramme("Школа № 1", "Программа", today)));
    }
}
