package ru.edu.decisions.rules.routes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Deficit;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.Preferences;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.rules.dsl.DecisionContext;
import ru.edu.decisions.rules.dsl.Parameters;
import ru.edu.decisions.rules.dsl.Person;
import ru.edu.decisions.rules.dsl.ProfileFacts;
import ru.edu.decisions.rules.dsl.Tri;
import ru.edu.decisions.rules.engine.RuleRunner;

/**
 * A jurisdiction's compiled route rules with its activity catalogue. The rules find the deficits and circumstances
 * and say what the route needs, which catalogue activities could meet each need and by which criteria to choose among
 * them and to defer under the hours cap; {@link RoutePlanner} applies those criteria and lays the chosen activities out
 * in the school year. Every item's reason is the message of the rule that made its need.
 */
public final class RouteRules {

    /** Manifest parameter: the most hours a route may take in a school year (absent: no cap). */
    public static final String MAX_HOURS_PER_YEAR = "maxHoursPerYear";

    private final RuleRunner runner;
    private final Parameters parameters;
    private final List<Activity> catalogue;
    private final Catalogue catalogueFact;
    private final RoutePlanner planner;
    private final List<PlanningCriterion> criteria;
    private final List<FiredRule> declared;

    public RouteRules(RuleRunner runner, Parameters parameters, List<Activity> catalogue) {
        this.runner = runner;
        this.parameters = parameters;
        this.catalogue = List.copyOf(catalogue);
        this.catalogueFact = new Catalogue(this.catalogue);
        // The criteria of choice and deferral are the same for every decision: the rules declare them once, here.
        RuleRunner.Run policy = runner.run(List.of(new PlanningPolicy(parameters)));
        this.criteria = List.copyOf(policy.all(PlanningCriterion.class));
        List<NextSchoolYearStart> nextYear = policy.all(NextSchoolYearStart.class);
        Set<String> declaring = new HashSet<>();
        criteria.forEach(c -> declaring.add(c.rule()));
        nextYear.forEach(n -> declaring.add(n.rule()));
        this.declared = policy.trace().stream().filter(f -> declaring.contains(f.rule())).toList();
        this.planner = new RoutePlanner(parameters.has(MAX_HOURS_PER_YEAR) ? parameters.intValue(MAX_HOURS_PER_YEAR) : null,
                criteria, !nextYear.isEmpty());
    }

    /** The criteria of choice and deferral the rules declared once per rule base (see {@code rules/common/routes-choice.drl}). */
    public List<PlanningCriterion> criteria() {
        return criteria;
    }

    public List<Activity> catalogue() {
        return catalogue;
    }

    public RouteOutcome evaluate(TeacherProfile teacher, @Nullable School school, Diagnostics diagnostics,
                                 @Nullable Preferences preferences, LocalDate asOf) {
        List<Object> input = ProfileFacts.of(teacher);
        input.add(school == null ? new School(null, List.of()) : school);
        input.add(preferences == null ? new Preferences(null) : preferences);
        input.add(new TeacherSubjects(subjects(teacher)));
        for (Map.Entry<CompetenceArea, Integer> score : diagnostics.scores().entrySet()) {
            input.add(new Score(score.getKey(), score.getValue()));
        }
        input.add(catalogueFact);
        input.add(new DecisionContext(asOf, parameters));
        input.add(new Person(teacher, teacher.birthDate(),
                teacher.employment() == null ? null : teacher.employment().pedagogicalExperienceYears(), asOf));
        RuleRunner.Run run = runner.run(input);

        List<DeficitFinding> findings = run.all(DeficitFinding.class).stream()
                .sorted(Comparator.comparing(DeficitFinding::area)).toList();
        List<Deficit> deficits = findings.stream().map(DeficitFinding::toDeficit).toList();
        List<Option> options = run.all(Option.class);
        RoutePlanner.Plan plan = planner.plan(run.all(Need.class), options, run.all(Gap.class),
                run.all(OptionRank.class), asOf);
        // The rules that declared the criteria head the trace of a decision that had options to choose from.
        List<FiredRule> trace = run.trace();
        if (!declared.isEmpty() && options.stream().anyMatch(Option::formatFits)) {
            List<FiredRule> own = trace;
            trace = new ArrayList<>(declared.size() + own.size());
            trace.addAll(declared);
            trace.addAll(own);
        }

        List<Reason> reasons = new ArrayList<>();
        findings.forEach(f -> reasons.add(new Reason(f.code(), ReasonStatus.MET, f.message())));
        run.all(Circumstance.class).stream().sorted(Comparator.comparing(Circumstance::code)
                .thenComparing(Circumstance::message)).forEach(c ->
                reasons.add(new Reason(c.code(), status(c.status()), c.message())));
        reasons.addAll(plan.reasons());
        return new RouteOutcome(deficits, plan.route(), reasons, trace, plan.unmetNeeds());
    }

    private static ReasonStatus status(Tri status) {
        return status.asReasonStatus();
    }

    private static Set<String> subjects(TeacherProfile teacher) {
        Set<String> subjects = new LinkedHashSet<>();
        if (teacher.employment() != null && teacher.employment().subjects() != null) {
            for (String subject : teacher.employment().subjects()) {
                if (subject != null && !subject.isBlank()) {
                    subjects.add(Activity.normalizeSubject(subject));
                }
            }
        }
        return subjects;
    }
}
