package ru.edu.decisions.rules.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.rules.dsl.DecisionContext;
import ru.edu.decisions.rules.dsl.Person;
import ru.edu.decisions.rules.dsl.Parameters;
import ru.edu.decisions.rules.engine.RuleRunner;
import ru.edu.decisions.rules.engine.RuleEvaluationException;

/**
 * A jurisdiction's compiled indicator rules. The rules define the indicators (code, kind, the regulation's title and
 * the readings their numerator and denominator count) and read the gathered facts into readings about teachers and
 * schools; this class only counts the subjects of each reading. Each school's facts are read in a session of their
 * own, side by side (a rule reads the facts of one teacher or one school); teachers without a school go in a session
 * of their own, and the jurisdiction-wide records (road maps, surveys) are in every session, so each session tells the
 * same about them.
 */
public final class IndicatorRules {

    private static final ForkJoinPool SESSIONS = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("indicator-rules-" + thread.getPoolIndex());
        thread.setContextClassLoader(IndicatorRules.class.getClassLoader());
        thread.setDaemon(true);
        return thread;
    }, null, false);

    /** 4.1.2.10 before 4.1.2.9: codes compare by their numbers, part by part. */
    public static final Comparator<String> CODE_ORDER = (a, b) -> {
        String[] x = a.substring(a.indexOf(':') + 1).split("\\.");
        String[] y = b.substring(b.indexOf(':') + 1).split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int order = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (order != 0) {
                return order;
            }
        }
        return x.length != y.length ? Integer.compare(x.length, y.length) : a.compareTo(b);
    };

    private final RuleRunner runner;
    private final Parameters parameters;

    public IndicatorRules(RuleRunner runner, Parameters parameters) {
        this.runner = runner;
        this.parameters = parameters;
    }

    private record Told(List<Indicator> indicators, List<Reading> readings, List<Entered> entered, List<FiredRule> trace) {
    }

    public IndicatorOutcome evaluate(IndicatorFacts facts, LocalDate from, LocalDate to) {
        Period period = new Period(from, to);
        DecisionContext context = new DecisionContext(to, parameters);
        List<List<Object>> partitions = partitions(facts);
        List<Told> told = SESSIONS.submit(() -> partitions.parallelStream().map(p -> tell(p, period, context)).toList()).join();

        Map<String, Indicator> indicators = new TreeMap<>(CODE_ORDER);
        Map<String, Set<String>> subjects = new HashMap<>();
        Map<String, Entered> entered = new HashMap<>();
        Set<FiredRule> trace = new LinkedHashSet<>();
        for (Told t : told) {
            for (Indicator indicator : t.indicators()) {
                Indicator previous = indicators.putIfAbsent(indicator.code(), indicator);
                if (previous != null && !previous.equals(indicator)) {
                    throw new RuleEvaluationException("Показатель " + indicator.code() + " определён двумя правилами: «"
                            + previous.rule() + "» и «" + indicator.rule() + "»");
                }
            }
            for (Reading reading : t.readings()) {
                subjects.computeIfAbsent(reading.name(), k -> new HashSet<>()).add(reading.subject());
            }
            for (Entered value : t.entered()) {
                Entered previous = entered.putIfAbsent(value.code(), value);
                if (previous != null && !previous.equals(value)) {
                    throw new RuleEvaluationException("Для показателя " + value.code() + " правила «" + previous.rule()
                            + "» и «" + value.rule() + "» дали разные значения");
                }
            }
            trace.addAll(t.trace());
        }
        List<IndicatorFigure> figures = new ArrayList<>();
        for (Indicator indicator : indicators.values()) {
            Entered value = entered.get(indicator.code());
            figures.add(new IndicatorFigure(indicator, of(subjects, indicator.numerator()), of(subjects, indicator.denominator()),
                    value == null ? null : value.value(), value == null ? null : value.note()));
        }
        return new IndicatorOutcome(period, figures, List.copyOf(trace));
    }

    private static Set<String> of(Map<String, Set<String>> subjects, @Nullable String reading) {
        return reading == null ? Set.of() : subjects.getOrDefault(reading, Set.of());
    }

    private Told tell(List<Object> facts, Period period, DecisionContext context) {
        List<Object> input = new ArrayList<>(facts.size() + 2);
        input.addAll(facts);
        input.add(period);
        input.add(context);
        // Each teacher as the shared fact layer sees them (e.g. whether a young specialist), on the period's last day.
        for (Object fact : facts) {
            if (fact instanceof Staff staff) {
                input.add(new Person(staff, staff.birthDate(), staff.experienceYears(), period.to()));
            }
        }
        RuleRunner.Run run = runner.run(input);
        return new Told(run.all(Indicator.class), run.all(Reading.class), run.all(Entered.class),
                run.trace());
    }

    /**
     * The facts split by school: a teacher's diagnostics, routes, items and pairs go with the teacher's school; a school,
     * its management teams and inclusion with itself; teachers without a school in the first partition (always
     * present, so the indicators are defined even for an empty jurisdiction); road maps and surveys in every partition.
     */
    static List<List<Object>> partitions(IndicatorFacts facts) {
        Map<String, List<Object>> bySchool = new LinkedHashMap<>();
        bySchool.put("", new ArrayList<>());
        Map<String, String> schoolOf = new HashMap<>();
        for (Staff staff : facts.staff()) {
            String school = staff.school() == null ? "" : staff.school();
            schoolOf.put(staff.id(), school);
            bySchool.computeIfAbsent(school, k -> new ArrayList<>()).add(staff);
        }
        facts.diagnostics().forEach(d -> add(bySchool, schoolOf.getOrDefault(d.teacherId(), ""), d));
        facts.routes().forEach(r -> add(bySchool, schoolOf.getOrDefault(r.teacherId(), ""), r));
        facts.items().forEach(i -> add(bySchool, schoolOf.getOrDefault(i.teacherId(), ""), i));
        facts.pairs().forEach(p -> add(bySchool, p.school() == null ? schoolOf.getOrDefault(p.menteeId(), "") : p.school(), p));
        facts.schools().forEach(s -> add(bySchool, s.name(), s));
        facts.teams().forEach(t -> add(bySchool, t.school(), t));
        for (List<Object> partition : bySchool.values()) {
            partition.addAll(facts.roadMaps());
            partition.addAll(facts.surveys());
        }
        return new ArrayList<>(bySchool.values());
    }

    private static void add(Map<String, List<Object>> bySchool, String school, Object fact) {
        bySchool.computeIfAbsent(school, k -> new ArrayList<>()).add(fact);
    }

}
