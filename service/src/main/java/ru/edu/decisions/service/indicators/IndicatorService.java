package ru.edu.decisions.service.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.rules.indicators.IndicatorRules;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.indicators.IndicatorFigure;
import ru.edu.decisions.rules.indicators.IndicatorKind;
import ru.edu.decisions.rules.indicators.IndicatorOutcome;
import ru.edu.decisions.rules.indicators.Indicator;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.DateRange;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.indicators.IndicatorStore.Gathered;
import ru.edu.decisions.service.indicators.IndicatorStore.Person;
import ru.edu.decisions.service.indicators.IndicatorViews.IndicatorView;
import ru.edu.decisions.service.indicators.IndicatorViews.IndicatorsView;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolFigure;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolRow;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolsView;
import ru.edu.decisions.service.indicators.IndicatorViews.Series;
import ru.edu.decisions.service.indicators.IndicatorViews.SnapshotInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SnapshotSummary;
import ru.edu.decisions.service.indicators.IndicatorViews.SnapshotView;
import ru.edu.decisions.service.indicators.IndicatorViews.Subject;
import ru.edu.decisions.service.indicators.IndicatorViews.SubjectsView;
import ru.edu.decisions.service.indicators.IndicatorViews.TrendView;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.PersonalDataAccessLog;
import ru.edu.decisions.service.security.PersonalDataAccessLog.Action;
import ru.edu.decisions.service.security.PersonalDataAccessLog.RecordKind;

/**
 * The indicators of a jurisdiction for a period, computed live: the store gathers the facts, the jurisdiction's
 * indicator rules (in force on the period's end) count them, and this class frames the figures, the lists of people and
 * schools behind them (each read of a person's name is recorded), the breakdown by school, the trend by month and the
 * frozen snapshots.
 */
@Service
public class IndicatorService {

    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(IndicatorService.class);

    /** A school the breakdown shows for teachers whose record names none. */
    static final String NO_SCHOOL = "Школа не указана";
    static final int MAX_TREND_MONTHS = 24;
    static final int MAX_PAGE_SIZE = 1000;

    private final RuleSets ruleSets;
    private final IndicatorStore store;
    private final PersonalDataAccessLog accessLog;
    private final JsonCodec json;
    private final Clock clock;

    IndicatorService(RuleSets ruleSets, IndicatorStore store, PersonalDataAccessLog accessLog, JsonCodec json, Clock clock) {
        this.ruleSets = ruleSets;
        this.store = store;
        this.accessLog = accessLog;
        this.json = json;
        this.clock = clock;
    }

    /** The period asked for, or — without dates — the current school year (1 September – 31 May). */
    public record Period(LocalDate from, LocalDate to) {
    }

    public Period period(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        int startYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        LocalDate start = from != null ? from : LocalDate.of(startYear, 9, 1);
        LocalDate end = to != null ? to : LocalDate.of(startYear + 1, 5, 31);
        if (from != null && to == null && end.isBefore(start)) {
            end = LocalDate.of(start.getMonthValue() >= 9 ? start.getYear() + 1 : start.getYear(), 5, 31);
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        for (var entry : Map.of("from", start, "to", end).entrySet()) {
            if (entry.getValue().isBefore(DateRange.DEFAULT_MIN) || entry.getValue().isAfter(DateRange.DEFAULT_MAX)) {
                errors.add(new ApiException.FieldError(entry.getKey(), "Дата вне допустимого диапазона "
                        + DateRange.DEFAULT_MIN + " — " + DateRange.DEFAULT_MAX));
            }
        }
        if (end.isBefore(start)) {
            errors.add(new ApiException.FieldError("to", "Дата окончания периода раньше даты начала"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("Период задан неверно", errors);
        }
        return new Period(start, end);
    }

    /** The jurisdiction's indicator rules in force on the period's end; 404 when it defines no indicators. */
    JurisdictionRules rules(String jurisdiction, LocalDate on) {
        JurisdictionRules rules = ruleSets.jurisdiction(ruleSets.current(), jurisdiction, on);
        if (rules.decision(IndicatorRules.class).isEmpty()) {
            throw ApiException.notFound("Для территории «" + rules.manifest().name() + "» (" + jurisdiction
                    + ") в правилах не определены показатели методической службы");
        }
        return rules;
    }

    /** One computation: the rules, what they read and what they counted. */
    record Computed(JurisdictionRules rules, Gathered gathered, IndicatorOutcome outcome) {
    }

    @Transactional(readOnly = true)
    public Computed compute(String jurisdiction, Period period) {
        JurisdictionRules rules = rules(jurisdiction, period.to());
        long started = System.nanoTime();
        Gathered gathered = store.gather(jurisdiction);
        long gatheredAt = System.nanoTime();
        IndicatorOutcome outcome = rules.decision(IndicatorRules.class).orElseThrow().evaluate(gathered.facts(), period.from(), period.to());
        long done = System.nanoTime();
        logger.info("Indicators of {} for {}..{}: {} teachers, {} routes, {} items, {} pairs; facts gathered in {} ms, "
                + "rules in {} ms", jurisdiction, period.from(), period.to(), gathered.facts().staff().size(),
                gathered.facts().routes().size(), gathered.facts().items().size(), gathered.facts().pairs().size(),
                (gatheredAt - started) / 1_000_000, (done - gatheredAt) / 1_000_000);
        return new Computed(rules, gathered, outcome);
    }

    public IndicatorsView indicators(String jurisdiction, Period period) {
        return view(jurisdiction, period, compute(jurisdiction, period));
    }

    IndicatorsView view(String jurisdiction, Period period, Computed computed) {
        return new IndicatorsView(jurisdiction, period.from(), period.to(), computed.rules().ref(),
                computed.outcome().figures().stream().map(IndicatorService::view).toList());
    }

    static IndicatorView view(IndicatorFigure figure) {
        Indicator indicator = figure.indicator();
        return new IndicatorView(indicator.code(), indicator.title(), indicator.kind().name(), figure.numerator(),
                figure.denominator(), figure.value(), indicator.unit(), indicator.clause(), figure.note(),
                indicator.numerator(), indicator.denominator());
    }

    /** Who a part of an indicator counts, a page of them; the names read are recorded in the access log. */
    @Transactional
    public SubjectsView subjects(String jurisdiction, String code, String part, Period period, int page, int size) {
        Computed computed = compute(jurisdiction, period);
        return subjects(jurisdiction, code, part, period, computed, page, size);
    }

    SubjectsView subjects(String jurisdiction, String code, String part, Period period, Computed computed, int page, int size) {
        IndicatorFigure figure = figure(computed, code);
        boolean numerator = switch (part) {
            case "NUMERATOR" -> true;
            case "DENOMINATOR" -> false;
            default -> throw ApiException.invalid("Часть показателя: NUMERATOR (числитель) или DENOMINATOR (знаменатель)",
                    List.of(new ApiException.FieldError("part", "Допустимо NUMERATOR или DENOMINATOR")));
        };
        String reading = numerator ? figure.indicator().numerator() : figure.indicator().denominator();
        Set<String> ids = numerator ? figure.numeratorSubjects() : figure.denominatorSubjects();
        Map<String, Person> people = computed.gathered().people();
        List<Subject> all = ids.stream().map(id -> subject(id, people)).sorted(Comparator
                .comparing((Subject s) -> s.school() == null ? "" : s.school())
                .thenComparing(s -> s.fullName() == null ? "" : s.fullName()).thenComparing(Subject::id)).toList();
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int from = Math.min(all.size(), Math.max(0, page) * limit);
        List<Subject> shown = all.subList(from, Math.min(all.size(), from + limit));
        accessLog.record(Action.READ, shown.stream().filter(s -> s.kind().equals("TEACHER"))
                .map(s -> new PersonalDataAccessLog.Subject(RecordKind.TEACHER, UUID.fromString(s.id()), jurisdiction)).toList());
        return new SubjectsView(jurisdiction, code, part, period.from(), period.to(), reading, all.size(), List.copyOf(shown));
    }

    private static Subject subject(String id, Map<String, Person> people) {
        Person person = people.get(id);
        if (person == null) {
            return new Subject("SCHOOL", id, null, id, null);
        }
        return new Subject("TEACHER", id, person.fullName(), person.staff().school(),
                person.staff().position() == null ? null : person.staff().position().label());
    }

    static IndicatorFigure figure(Computed computed, String code) {
        return computed.outcome().figure(code).orElseThrow(() -> ApiException.notFound("Показатель «" + code
                + "» не определён в правилах территории «" + computed.rules().code() + "»"));
    }

    /** The counted indicators of each school: a teacher counts with their school, a school with itself. */
    public SchoolsView schools(String jurisdiction, Period period) {
        return schools(jurisdiction, period, compute(jurisdiction, period));
    }

    SchoolsView schools(String jurisdiction, Period period, Computed computed) {
        Map<String, Person> people = computed.gathered().people();
        TreeMap<String, List<SchoolFigure>> bySchool = new TreeMap<>();
        computed.gathered().facts().schools().forEach(s -> bySchool.put(s.name(), new ArrayList<>()));
        List<IndicatorFigure> counted = computed.outcome().figures().stream().filter(f -> f.indicator().kind().counted()).toList();
        for (IndicatorFigure figure : counted) {
            Map<String, int[]> parts = new LinkedHashMap<>();
            figure.numeratorSubjects().forEach(id -> parts.computeIfAbsent(schoolOf(id, people), k -> new int[2])[0]++);
            figure.denominatorSubjects().forEach(id -> parts.computeIfAbsent(schoolOf(id, people), k -> new int[2])[1]++);
            parts.keySet().forEach(s -> bySchool.computeIfAbsent(s, k -> new ArrayList<>()));
            for (Map.Entry<String, List<SchoolFigure>> school : bySchool.entrySet()) {
                int[] n = parts.getOrDefault(school.getKey(), new int[2]);
                school.getValue().add(schoolFigure(figure, n[0], n[1]));
            }
        }
        // Schools that appeared only for a later indicator lack the earlier ones: fill them in, in the same order.
        List<SchoolRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<SchoolFigure>> school : bySchool.entrySet()) {
            List<SchoolFigure> figures = new ArrayList<>();
            for (IndicatorFigure figure : counted) {
                figures.add(school.getValue().stream().filter(f -> f.code().equals(figure.indicator().code())).findFirst()
                        .orElse(schoolFigure(figure, 0, 0)));
            }
            rows.add(new SchoolRow(school.getKey(), figures));
        }
        return new SchoolsView(jurisdiction, period.from(), period.to(), rows);
    }

    private static SchoolFigure schoolFigure(IndicatorFigure figure, int numerator, int denominator) {
        IndicatorKind kind = figure.indicator().kind();
        BigDecimal value = switch (kind) {
            case SHARE -> IndicatorFigure.share(numerator, denominator);
            case RATIO -> IndicatorFigure.ratio(numerator, denominator);
            default -> BigDecimal.valueOf(numerator);
        };
        return new SchoolFigure(figure.indicator().code(), numerator,
                figure.indicator().denominator() == null ? null : denominator, value);
    }

    private static String schoolOf(String id, Map<String, Person> people) {
        Person person = people.get(id);
        if (person == null) {
            return id;
        }
        String school = person.staff().school();
        return school == null || school.isBlank() ? NO_SCHOOL : school;
    }

    /** Each month of the period: the indicators for the period from its start to the month's end (or the period's end). */
    @Transactional(readOnly = true)
    public TrendView trend(String jurisdiction, Period period) {
        JurisdictionRules rules = rules(jurisdiction, period.to());
        Gathered gathered = store.gather(jurisdiction);
        return trend(jurisdiction, period, rules, gathered);
    }

    TrendView trend(String jurisdiction, Period period, JurisdictionRules rules, Gathered gathered) {
        List<String> months = new ArrayList<>();
        Map<String, Series> series = new LinkedHashMap<>();
        YearMonth month = YearMonth.from(period.from());
        YearMonth last = YearMonth.from(period.to());
        if (month.plusMonths(MAX_TREND_MONTHS).isBefore(last)) {
            month = last.minusMonths(MAX_TREND_MONTHS - 1);
        }
        for (; !month.isAfter(last); month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth().isAfter(period.to()) ? period.to() : month.atEndOfMonth();
            LocalDate start = period.from().isAfter(end) ? end : period.from();
            IndicatorOutcome outcome = rules.decision(IndicatorRules.class).orElseThrow().evaluate(gathered.facts(), start, end);
            months.add(month.toString());
            for (IndicatorFigure figure : outcome.figures()) {
                Series s = series.computeIfAbsent(figure.indicator().code(), c -> new Series(c, figure.indicator().title(),
                        figure.indicator().unit(), new ArrayList<>()));
                s.values().add(figure.value());
            }
        }
        return new TrendView(jurisdiction, period.from(), period.to(), months, List.copyOf(series.values()));
    }

    // ---- snapshots --------------------------------------------------------------------------------------------------

    @Transactional
    public SnapshotView freeze(SnapshotInput input, @Nullable String user) {
        Period period = period(input.from(), input.to());
        IndicatorsView figures = indicators(input.jurisdiction(), period);
        SnapshotSummary summary = new SnapshotSummary(Ids.newId(), input.jurisdiction(), period.from(), period.to(),
                figures.ruleSet().version(), input.note() == null || input.note().isBlank() ? null : input.note().strip(),
                user, clock.instant());
        store.addSnapshot(new IndicatorStore.SnapshotRow(summary.id(), summary.jurisdiction(), summary.from(), summary.to(),
                summary.ruleSetVersion(), json.write(figures), summary.note(), user, summary.createdAt()));
        return new SnapshotView(summary, figures);
    }

    public List<SnapshotSummary> snapshots(String jurisdiction) {
        return store.snapshots(jurisdiction).stream().map(IndicatorService::summary).toList();
    }

    /** A snapshot as it was filed; another jurisdiction's is not found for the caller (checked by {@code covers}). */
    public SnapshotView snapshot(UUID id, java.util.function.Predicate<String> covers) {
        IndicatorStore.SnapshotRow row = store.snapshot(id).filter(r -> covers.test(r.jurisdiction()))
                .orElseThrow(() -> ApiException.notFound("Снимок отчёта " + id + " не найден"));
        return new SnapshotView(summary(row), json.read(row.figures(), IndicatorsView.class));
    }

    private static SnapshotSummary summary(IndicatorStore.SnapshotRow row) {
        return new SnapshotSummary(row.id(), row.jurisdiction(), row.from(), row.to(), row.ruleSetVersion(), row.note(),
                row.createdBy(), row.createdAt());
    }

    /** The jurisdiction must be known (entered values are kept for jurisdictions of the rule base only). */
    void requireJurisdiction(String jurisdiction) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
    }
}
