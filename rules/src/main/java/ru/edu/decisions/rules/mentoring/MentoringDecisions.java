package ru.edu.decisions.rules.mentoring;

import java.time.LocalDate;
import java.util.List;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.DecisionType;
import ru.edu.decisions.rules.engine.SampleProfiles;

/** The mentoring decision for the engine: rule files {@code mentoring*.drl}, {@link MentoringRules}. */
public final class MentoringDecisions implements DecisionType<MentoringRules> {

    /** Mentoring decides over all pairs of a territory in one session: many firings are normal there. */
    private static final int MAX_FIRINGS = 200_000_000;

    @Override
    public DecisionKind kind() {
        return DecisionKind.MENTORING;
    }

    @Override
    public Class<MentoringRules> rulesType() {
        return MentoringRules.class;
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
    public MentoringRules rules(Build build, List<CompileProblem> problems) {
        return new MentoringRules(build.runner(), build.parameters());
    }

    @Override
    public void trySamples(MentoringRules rules, LocalDate today) {
        SampleProfiles.MentoringSample sample = SampleProfiles.mentoringSample();
        rules.evaluate(sample.mentors(), sample.mentees(), today);
    }

    @Override
    public String samplesFailed() {
        return "Пробное распределение наставников по образцу не получилось: ";
    }
}
