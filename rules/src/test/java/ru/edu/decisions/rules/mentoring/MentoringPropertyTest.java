package ru.edu.decisions.rules.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.mentoring.MentoringDecision.Assignment;
import ru.edu.decisions.model.mentoring.MentoringDecision.Objective;
import ru.edu.decisions.model.mentoring.MentoringDecision.Unassigned;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.dsl.Parameters;

/**
 * The shipped mentoring rules of every jurisdiction ({@code rules/<jurisdiction>/mentoring.drl}, compiled by the real
 * compiler) on many small random instances, checked against the contract written out again here in plain Java, without
 * the rules or the optimiser: every hard constraint (consent; capacity, or the manifest's default when absent; never
 * one's own mentee; at most one mentor per mentee; the same municipality or — only in Dagestan — the same okrug; a
 * common subject or a strength covering a deficit), every mentee exactly once, reasons that say truly why a mentee is
 * left without a mentor, and an objective equal to the best an exhaustive search over every assignment these
 * constraints allow reaches.
 *
 * <p>The pair's score is the shipped rules' scoring written out: {@code subjectPoints} for a common subject,
 * {@code strengthPoints} per deficit a strength covers, and in Dagestan {@code sameMunicipalityPoints} for a pair from
 * one municipality — a change of the scoring rules has to be written here too.
 */
class MentoringPropertyTest {

    static final int INSTANCES = 1000;

    static final String[] MUNICIPALITIES = {"Северный район", "Южный район"};
    static final String[] OKRUGS = {"Центральный", "Горный"};
    static final String[] SUBJECTS = {"математика", "Математика ", "физика", "история", "ФИЗИКА"};
    static final CompetenceArea[] AREAS = {CompetenceArea.SUBJECT, CompetenceArea.METHODICAL, CompetenceArea.DIGITAL};

    /** The contract's rules for one jurisdiction, from its manifest. */
    record Contract(boolean okrugAllowed, int defaultCapacity, int subjectPoints, int strengthPoints, int sameMunicipalityPoints,
                    int youngAgeBelow, int youngMaxYears, LocalDate asOf) {

        static Contract of(String jurisdiction) {
            Parameters p = ShippedRules.parameters(jurisdiction);
            boolean dagestan = jurisdiction.equals("dagestan");
            return new Contract(dagestan, p.intValue("defaultCapacity"), p.intValue("subjectPoints"), p.intValue("strengthPoints"),
                    dagestan ? p.intValue("sameMunicipalityPoints") : 0, p.intValue("youngSpecialistAgeBelow"),
                    p.intValue("youngSpecialistMaxYears"), ShippedRules.AS_OF);
        }

        int capacity(Mentor m) {
            if (!Boolean.TRUE.equals(m.consent())) {
                return 0;
            }
            return m.capacity() != null ? m.capacity() : defaultCapacity;
        }

        /** Consent, not oneself, and the same municipality or (where allowed) the same okrug. */
        boolean sameTerritory(Mentor m, Mentee t) {
            if (!Boolean.TRUE.equals(m.consent()) || m.id().equals(t.id())) {
                return false;
            }
            boolean municipality = m.municipality() != null && m.municipality().equals(t.municipality());
            boolean okrug = okrugAllowed && m.okrug() != null && m.okrug().equals(t.okrug());
            return municipality || okrug;
        }

        boolean allowed(Mentor m, Mentee t) {
            return sameTerritory(m, t) && (commonSubject(m, t) || covered(m, t) > 0);
        }

        boolean commonSubject(Mentor m, Mentee t) {
            Set<String> own = new HashSet<>();
            m.subjectList().forEach(s -> own.add(normalize(s)));
            return t.subjectList().stream().anyMatch(s -> own.contains(normalize(s)));
        }

        int covered(Mentor m, Mentee t) {
            return (int) t.deficitList().stream().filter(d -> m.strengthList().contains(d)).count();
        }

        int score(Mentor m, Mentee t) {
            boolean sameMunicipality = m.municipality() != null && m.municipality().equals(t.municipality());
            return (commonSubject(m, t) ? subjectPoints : 0) + strengthPoints * covered(m, t)
                    + (sameMunicipality ? sameMunicipalityPoints : 0);
        }

        boolean young(Mentee t) {
            return t.birthDate() != null && t.pedagogicalExperienceYears() != null
                    && t.pedagogicalExperienceYears() <= youngMaxYears
                    && Period.between(t.birthDate(), asOf).getYears() < youngAgeBelow;
        }

        /** The objective of an assignment (mentor index per mentee, -1 for none). */
        Objective objective(List<Mentor> mentors, List<Mentee> mentees, int[] mentorOf) {
            int low = 0;
            int difficult = 0;
            int young = 0;
            int assigned = 0;
            long score = 0;
            for (int i = 0; i < mentorOf.length; i++) {
                if (mentorOf[i] < 0) {
                    continue;
                }
                Mentee t = mentees.get(i);
                low += t.flagList().contains(SchoolFlag.LOW_RESULTS) ? 1 : 0;
                difficult += t.flagList().contains(SchoolFlag.DIFFICULT_SOCIAL) ? 1 : 0;
                young += young(t) ? 1 : 0;
                assigned++;
                score += score(mentors.get(mentorOf[i]), t);
            }
            return new Objective(low, difficult, young, assigned, score);
        }

        private static String normalize(String subject) {
            return subject.trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
        }
    }

    static final Comparator<Objective> ORDER = Comparator.comparingInt(Objective::lowResults)
            .thenComparingInt(Objective::difficultSocial).thenComparingInt(Objective::youngSpecialists)
            .thenComparingInt(Objective::assigned).thenComparingLong(Objective::totalScore);

    @ParameterizedTest
    @ValueSource(strings = {"ust-ishim", "turochak", "dagestan", "kuznetsk"})
    void theShippedRulesKeepEveryHardConstraintAndReachTheExhaustiveOptimum(String jurisdiction) {
        Contract contract = Contract.of(jurisdiction);
        int assignedSomewhere = 0;
        int leftOver = 0;
        for (int seed = 1; seed <= INSTANCES; seed++) {
            Random random = new Random(jurisdiction.hashCode() * 1_000_003L + seed);
            List<Mentor> mentors = mentors(random);
            List<Mentee> mentees = mentees(random, mentors);
            String instance = "seed " + seed + " in " + jurisdiction + ": mentors " + mentors + ", mentees " + mentees;

            MentoringOutcome outcome = ShippedRules.decide(jurisdiction, mentors, mentees);

            // Every mentee exactly once, in assignments or in unassigned.
            List<String> seen = new ArrayList<>();
            outcome.assignments().forEach(a -> seen.add(a.menteeId()));
            outcome.unassigned().forEach(u -> seen.add(u.menteeId()));
            assertThat(seen).as(instance).containsExactlyInAnyOrderElementsOf(mentees.stream().map(Mentee::id).toList());

            // The hard constraints, pair by pair and mentor by mentor.
            Map<String, Integer> mentorIndex = new HashMap<>();
            for (int m = 0; m < mentors.size(); m++) {
                mentorIndex.put(mentors.get(m).id(), m);
            }
            Map<String, Integer> menteeIndex = new HashMap<>();
            for (int t = 0; t < mentees.size(); t++) {
                menteeIndex.put(mentees.get(t).id(), t);
            }
            int[] mentorOf = new int[mentees.size()];
            Arrays.fill(mentorOf, -1);
            int[] used = new int[mentors.size()];
            for (Assignment a : outcome.assignments()) {
                assertThat(mentorIndex).as(instance).containsKey(a.mentorId());
                int m = mentorIndex.get(a.mentorId());
                int t = menteeIndex.get(a.menteeId());
                Mentor mentor = mentors.get(m);
                Mentee mentee = mentees.get(t);
                assertThat(mentorOf[t]).as("%s: %s has one mentor at most", instance, a.menteeId()).isEqualTo(-1);
                assertThat(mentor.consent()).as("%s: %s consents", instance, a.mentorId()).isTrue();
                assertThat(mentor.id()).as("%s: not one's own mentee", instance).isNotEqualTo(mentee.id());
                assertThat(contract.sameTerritory(mentor, mentee)).as("%s: territory of %s", instance, a).isTrue();
                assertThat(contract.allowed(mentor, mentee)).as("%s: subject or strength of %s", instance, a).isTrue();
                assertThat(a.score()).as("%s: score of %s", instance, a).isEqualTo(contract.score(mentor, mentee));
                mentorOf[t] = m;
                used[m]++;
            }
            for (int m = 0; m < mentors.size(); m++) {
                assertThat(used[m]).as("%s: capacity of %s", instance, mentors.get(m).id())
                        .isLessThanOrEqualTo(contract.capacity(mentors.get(m)));
            }

            // The objective: as reported, as recomputed here, and the best an exhaustive search finds.
            Objective reached = contract.objective(mentors, mentees, mentorOf);
            assertThat(outcome.objective()).as(instance).isEqualTo(reached);
            assertThat(reached).as(instance).isEqualTo(exhaustive(contract, mentors, mentees));

            // Why anyone is left without a mentor, truly.
            for (Unassigned u : outcome.unassigned()) {
                Mentee mentee = mentees.get(menteeIndex.get(u.menteeId()));
                List<Mentor> territory = mentors.stream().filter(m -> contract.sameTerritory(m, mentee)).toList();
                List<Mentor> suitable = territory.stream().filter(m -> contract.allowed(m, mentee)).toList();
                Reason why = u.reasons().get(0);
                assertThat(why.status()).as(instance).isEqualTo(ReasonStatus.NOT_MET);
                String expected = territory.isEmpty() ? "TERRITORY" : suitable.isEmpty() ? "MATCH" : "CAPACITY";
                assertThat(why.code()).as("%s: why %s has no mentor", instance, u.menteeId()).isEqualTo(expected);
                if (!suitable.isEmpty() && suitable.stream().allMatch(m -> contract.capacity(m) == 0)) {
                    assertThat(why.message()).as(instance).contains("ёмкость 0").doesNotContain("заняты");
                } else if (!suitable.isEmpty()) {
                    assertThat(why.message()).as(instance).contains("заняты");
                }
            }
            assignedSomewhere += outcome.assignments().isEmpty() ? 0 : 1;
            leftOver += outcome.assignments().isEmpty() || outcome.unassigned().isEmpty() ? 0 : 1;
        }
        // The instances are not trivial: many assign someone, many leave someone out as well.
        System.out.printf("%s: %d instances, %d assign someone, %d leave someone out as well%n", jurisdiction, INSTANCES,
                assignedSomewhere, leftOver);
        assertThat(assignedSomewhere).isGreaterThan(INSTANCES / 3);
        assertThat(leftOver).isGreaterThan(INSTANCES / 4);
    }

    // ---- the exhaustive search --------------------------------------------------------------------------------------

    /** Every way to give each mentee an allowed mentor or none within the capacities: the best objective. */
    static Objective exhaustive(Contract contract, List<Mentor> mentors, List<Mentee> mentees) {
        int[] current = new int[mentees.size()];
        Arrays.fill(current, -1);
        int[] left = new int[mentors.size()];
        for (int m = 0; m < mentors.size(); m++) {
            left[m] = contract.capacity(mentors.get(m));
        }
        Objective[] best = {contract.objective(mentors, mentees, current)};
        search(contract, mentors, mentees, 0, current, left, best);
        return best[0];
    }

    private static void search(Contract contract, List<Mentor> mentors, List<Mentee> mentees, int t, int[] current, int[] left,
                               Objective[] best) {
        if (t == mentees.size()) {
            Objective objective = contract.objective(mentors, mentees, current);
            if (ORDER.compare(objective, best[0]) > 0) {
                best[0] = objective;
            }
            return;
        }
        current[t] = -1;
        search(contract, mentors, mentees, t + 1, current, left, best);
        for (int m = 0; m < mentors.size(); m++) {
            if (left[m] > 0 && contract.allowed(mentors.get(m), mentees.get(t))) {
                left[m]--;
                current[t] = m;
                search(contract, mentors, mentees, t + 1, current, left, best);
                current[t] = -1;
                left[m]++;
            }
        }
    }

    // ---- random instances -------------------------------------------------------------------------------------------

    static List<Mentor> mentors(Random random) {
        int count = 1 + random.nextInt(4);
        List<Mentor> mentors = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            int consent = random.nextInt(10);
            mentors.add(new Mentor("m" + m, pick(random, MUNICIPALITIES, 6), pick(random, OKRUGS, 5), null,
                    subjects(random), areas(random), random.nextInt(5) == 0 ? null : random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(2),
                    consent < 8 ? Boolean.TRUE : consent < 9 ? Boolean.FALSE : null));
        }
        return mentors;
    }

    /** Mentees, now and then one with a mentor's id (a mentor is never their own mentee). */
    static List<Mentee> mentees(Random random, List<Mentor> mentors) {
        int count = 1 + random.nextInt(6);
        List<Mentee> mentees = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int t = 0; t < count; t++) {
            String id = "t" + t;
            if (random.nextInt(6) == 0) {
                String mentorId = mentors.get(random.nextInt(mentors.size())).id();
                if (ids.add(mentorId)) {
                    id = mentorId;
                }
            }
            ids.add(id);
            List<SchoolFlag> flags = new ArrayList<>();
            if (random.nextInt(4) == 0) {
                flags.add(SchoolFlag.LOW_RESULTS);
            }
            if (random.nextInt(4) == 0) {
                flags.add(SchoolFlag.DIFFICULT_SOCIAL);
            }
            LocalDate birthDate = random.nextInt(7) == 0 ? null
                    : ShippedRules.AS_OF.minusYears(25 + random.nextInt(15)).plusDays(random.nextInt(5) - 2);
            Integer years = random.nextInt(7) == 0 ? null : random.nextInt(7);
            mentees.add(new Mentee(id, pick(random, MUNICIPALITIES, 6), pick(random, OKRUGS, 5), null, subjects(random),
                    areas(random), birthDate, years, random.nextBoolean() ? flags : null));
        }
        return mentees;
    }

    /** One of the values, or (one time in {@code noneOneIn}) none. */
    static String pick(Random random, String[] values, int noneOneIn) {
        return random.nextInt(noneOneIn) == 0 ? null : values[random.nextInt(values.length)];
    }

    static List<String> subjects(Random random) {
        List<String> subjects = new ArrayList<>();
        for (String subject : SUBJECTS) {
            if (random.nextInt(3) == 0) {
                subjects.add(subject);
            }
        }
        return random.nextInt(6) == 0 ? null : subjects;
    }

    static List<CompetenceArea> areas(Random random) {
        List<CompetenceArea> areas = new ArrayList<>();
        for (CompetenceArea area : AREAS) {
            if (random.nextInt(2) == 0) {
                areas.add(area);
            }
        }
        return random.nextInt(6) == 0 ? null : areas;
    }
}
