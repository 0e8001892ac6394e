package ru.edu.decisions.rules.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.mentoring.MentoringDecision.Assignment;
import ru.edu.decisions.model.mentoring.MentoringDecision.Unassigned;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.RuleBase;

/** The shipped mentoring rules: each hard constraint and each score term, and the okrug rule of Dagestan. */
class MentoringRulesTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static RuleBase rules;

    @BeforeAll
    static void compile() {
        rules = ShippedRules.get();
    }

    static MentoringOutcome decide(String jurisdiction, List<Mentor> mentors, List<Mentee> mentees) {
        return rules.jurisdiction(jurisdiction).orElseThrow().decision(MentoringRules.class).orElseThrow().evaluate(mentors, mentees, AS_OF);
    }

    static Mentor mentor(String id, String municipality, String okrug, Integer capacity, Boolean consent) {
        return new Mentor(id, municipality, okrug, "МБОУ «Усть-Ишимская СОШ № 1»", List.of("математика"),
                List.of(CompetenceArea.METHODICAL), capacity, consent);
    }

    static Mentee mentee(String id, String municipality, String okrug, String subject, SchoolFlag... flags) {
        return new Mentee(id, municipality, okrug, "МБОУ «Аксёновская СОШ»", List.of(subject), List.of(), LocalDate.of(1980, 1, 1),
                20, List.of(flags));
    }

    static Map<String, String> pairs(MentoringOutcome outcome) {
        return outcome.assignments().stream().collect(Collectors.toMap(Assignment::menteeId, Assignment::mentorId));
    }

    static List<Reason> unassignedReasons(MentoringOutcome outcome, String menteeId) {
        return outcome.unassigned().stream().filter(u -> u.menteeId().equals(menteeId)).findFirst().orElseThrow().reasons();
    }

    @Test
    void aMentorWithoutConsentGetsNobody() {
        MentoringOutcome outcome = decide("ust-ishim", List.of(mentor("m1", "Усть-Ишимский район", null, 5, null),
                mentor("m2", "Усть-Ишимский район", null, 5, false)), List.of(mentee("t1", "Усть-Ишимский район", null, "математика")));

        assertThat(outcome.assignments()).isEmpty();
        assertThat(unassignedReasons(outcome, "t1")).extracting(Reason::code).containsExactly("TERRITORY");
    }

    @Test
    void aMentorNeverGetsMoreThanCapacityOrTheDefaultWhenAbsent() {
        List<Mentee> mentees = List.of(mentee("t1", "Р", null, "математика"), mentee("t2", "Р", null, "математика"),
                mentee("t3", "Р", null, "математика"), mentee("t4", "Р", null, "математика"));
        assertThat(decide("ust-ishim", List.of(mentor("m1", "Р", null, 2, true)), mentees).assignments()).hasSize(2);
        MentoringOutcome byDefault = decide("ust-ishim", List.of(mentor("m1", "Р", null, null, true)), mentees);
        assertThat(byDefault.assignments()).hasSize(3);
        assertThat(byDefault.assignments().get(0).reasons()).anySatisfy(r -> assertThat(r.message()).contains("по умолчанию"));
        assertThat(decide("ust-ishim", List.of(mentor("m1", "Р", null, 0, true)), mentees).assignments()).isEmpty();
        assertThat(unassignedReasons(byDefault, byDefault.unassigned().get(0).menteeId())).extracting(Reason::code).contains("CAPACITY");
    }

    @Test
    void aMentorIsNeverTheirOwnMentee() {
        MentoringOutcome outcome = decide("ust-ishim", List.of(mentor("same", "Р", null, 2, true)), List.of(mentee("same", "Р", null, "математика")));

        assertThat(outcome.assignments()).isEmpty();
    }

    @Test
    void aPairNeedsACommonSubjectOrAStrengthCoveringADeficit() {
        Mentee history = mentee("t1", "Р", null, "история");
        Mentee historyWithMethodicalDeficit = new Mentee("t2", "Р", null, null, List.of("история"), List.of(CompetenceArea.METHODICAL),
                null, null, null);
        MentoringOutcome outcome = decide("ust-ishim", List.of(mentor("m1", "Р", null, 5, true)), List.of(history, historyWithMethodicalDeficit));

        assertThat(pairs(outcome)).containsOnlyKeys("t2");
        assertThat(unassignedReasons(outcome, "t1")).extracting(Reason::code).containsExactly("MATCH");
        Assignment pair = outcome.assignments().get(0);
        assertThat(pair.score()).isEqualTo(5);
        assertThat(pair.reasons()).extracting(Reason::code).contains("SAME_MUNICIPALITY", "STRENGTH_COVERS_DEFICIT");
    }

    @Test
    void scoreIsTheSumOfTheTermsTheRulesFound() {
        Mentee both = new Mentee("t1", "Р", null, null, List.of("Математика"), List.of(CompetenceArea.METHODICAL, CompetenceArea.SUBJECT),
                null, null, null);
        Mentor strong = new Mentor("m1", "Р", null, null, List.of("математика"), List.of(CompetenceArea.METHODICAL, CompetenceArea.SUBJECT), 1, true);
        Assignment pair = decide("ust-ishim", List.of(strong), List.of(both)).assignments().get(0);

        assertThat(pair.score()).isEqualTo(10 + 2 * 5);
        assertThat(pair.reasons()).filteredOn(r -> r.code().equals("COMMON_SUBJECT")).singleElement()
                .extracting(Reason::message).isEqualTo("Общий предмет: Математика (+10)");
    }

    @Test
    void ustIshimPairsOnlyWithinAMunicipalityWhileDagestanPairsAcrossMunicipalitiesOfOneOkrug() {
        List<Mentor> mentors = List.of(mentor("m1", "Буйнакский район", "Центральный", 2, true));
        List<Mentee> mentees = List.of(mentee("t1", "Буйнакск", "Центральный", "математика"),
                mentee("t2", "Кизляр", "Северный", "математика"));

        MentoringOutcome dagestan = decide("dagestan", mentors, mentees);
        assertThat(pairs(dagestan)).containsExactly(Map.entry("t1", "m1"));
        assertThat(dagestan.assignments().get(0).reasons()).extracting(Reason::code).contains("SAME_OKRUG");
        assertThat(unassignedReasons(dagestan, "t2")).extracting(Reason::code).containsExactly("TERRITORY");

        MentoringOutcome ustIshim = decide("ust-ishim", mentors, mentees);
        assertThat(ustIshim.assignments()).isEmpty();
        assertThat(ustIshim.unassigned()).extracting(Unassigned::menteeId).containsExactly("t1", "t2");
    }

    @Test
    void dagestanPrefersAMentorFromTheSameMunicipalityAtEqualPriority() {
        List<Mentor> mentors = List.of(mentor("far", "Буйнакский район", "Центральный", 1, true),
                mentor("near", "Буйнакск", "Центральный", 1, true));
        MentoringOutcome outcome = decide("dagestan", mentors, List.of(mentee("t1", "Буйнакск", "Центральный", "математика")));

        assertThat(pairs(outcome)).containsExactly(Map.entry("t1", "near"));
        assertThat(outcome.assignments().get(0).score()).isEqualTo(10 + 3);
    }

    @Test
    void priorityClassesComeFromTheRulesAndTheOptimumServesTheLowResultsSchoolFirst() {
        // One place: a young specialist and a teacher of a low-results school compete; the school comes first.
        Mentee young = new Mentee("young", "Р", null, null, List.of("математика"), List.of(), LocalDate.of(2001, 5, 2), 1, List.of());
        Mentee lowResults = mentee("low", "Р", null, "математика", SchoolFlag.LOW_RESULTS);
        MentoringOutcome outcome = decide("ust-ishim", List.of(mentor("m1", "Р", null, 1, true)), List.of(young, lowResults));

        assertThat(pairs(outcome)).containsExactly(Map.entry("low", "m1"));
        assertThat(outcome.objective().lowResults()).isEqualTo(1);
        assertThat(unassignedReasons(outcome, "young")).extracting(Reason::code).containsExactly("CAPACITY", "YOUNG_SPECIALIST");
        assertThat(unassignedReasons(outcome, "young")).filteredOn(r -> r.code().equals("YOUNG_SPECIALIST"))
                .extracting(Reason::status).containsExactly(ReasonStatus.MET);
    }

    @Test
    void everyMenteeAppearsExactlyOnce() {
        List<Mentee> mentees = List.of(mentee("a", "Р", null, "математика"), mentee("b", "Р", null, "физика"),
                mentee("c", null, null, "математика"), mentee("d", "Р", null, "математика", SchoolFlag.DIFFICULT_SOCIAL));
        MentoringOutcome outcome = decide("turochak", List.of(mentor("m1", "Р", null, 1, true)), mentees);

        List<String> seen = new java.util.ArrayList<>(outcome.assignments().stream().map(Assignment::menteeId).toList());
        seen.addAll(outcome.unassigned().stream().map(Unassigned::menteeId).toList());
        assertThat(seen).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(pairs(outcome)).containsExactly(Map.entry("d", "m1"));
    }

    @Test
    void dagestanPairsWithinOneOkrugWhenNeitherHasAMunicipality() {
        // Drools' «municipality != $municipality» is false when both are empty: the okrug alone must be enough.
        List<Mentor> mentors = List.of(mentor("m1", null, "Центральный", 1, true));
        List<Mentee> mentees = List.of(mentee("t1", null, "Центральный", "математика"));

        MentoringOutcome outcome = decide("dagestan", mentors, mentees);
        assertThat(pairs(outcome)).containsExactly(Map.entry("t1", "m1"));
        assertThat(outcome.assignments().get(0).reasons().get(0)).satisfies(r -> {
            assertThat(r.code()).isEqualTo("SAME_OKRUG");
            assertThat(r.message()).contains("«Центральный»").doesNotContain("null");
        });
        // Only one of them without a municipality: the okrug is enough as well; another okrug is not.
        assertThat(pairs(decide("dagestan", List.of(mentor("m1", "Буйнакск", "Центральный", 1, true)), mentees)))
                .containsExactly(Map.entry("t1", "m1"));
        assertThat(pairs(decide("dagestan", mentors, List.of(mentee("t1", "Буйнакск", "Центральный", "математика")))))
                .containsExactly(Map.entry("t1", "m1"));
        assertThat(decide("dagestan", mentors, List.of(mentee("t1", null, "Южный", "математика"))).assignments()).isEmpty();
        // Where the okrug does not count, nobody without a municipality is paired.
        for (String jurisdiction : List.of("ust-ishim", "turochak", "kuznetsk")) {
            assertThat(decide(jurisdiction, mentors, mentees).assignments()).as(jurisdiction).isEmpty();
        }
    }

    @Test
    void aSuitableMentorWithCapacityZeroIsNotCalledBusy() {
        MentoringOutcome outcome = decide("ust-ishim", List.of(mentor("m0", "Р", null, 0, true)),
                List.of(mentee("t1", "Р", null, "математика")));

        Reason reason = unassignedReasons(outcome, "t1").get(0);
        assertThat(reason.code()).isEqualTo("CAPACITY");
        assertThat(reason.status()).isEqualTo(ReasonStatus.NOT_MET);
        assertThat(reason.message()).isEqualTo("Подходящие наставники (1) не берут наставляемых: у них ёмкость 0 (m0)")
                .doesNotContain("заняты");
    }

    @Test
    void aPlaceTakenByAMenteeOfHigherPriorityIsSaidSoAndATieIsNotCalledHigherPriority() {
        MentoringOutcome higher = decide("ust-ishim", List.of(mentor("m1", "Р", null, 1, true)),
                List.of(mentee("plain", "Р", null, "математика"), mentee("low", "Р", null, "математика", SchoolFlag.LOW_RESULTS)));
        assertThat(unassignedReasons(higher, "plain").get(0).message())
                .startsWith("Все подходящие наставники (1) заняты наставляемыми с более высоким приоритетом");

        MentoringOutcome tie = decide("ust-ishim", List.of(mentor("m1", "Р", null, 1, true)),
                List.of(mentee("a", "Р", null, "математика"), mentee("b", "Р", null, "математика")));
        String left = tie.unassigned().get(0).menteeId();
        assertThat(unassignedReasons(tie, left).get(0).message())
                .startsWith("Все подходящие наставники (1) заняты наставляемыми того же или более высокого приоритета")
                .doesNotContain("с более высоким приоритетом");

        MentoringOutcome mixed = decide("ust-ishim", List.of(mentor("m0", "Р", null, 0, true), mentor("m1", "Р", null, 1, true)),
                List.of(mentee("plain", "Р", null, "математика"), mentee("low", "Р", null, "математика", SchoolFlag.LOW_RESULTS)));
        assertThat(unassignedReasons(mixed, "plain").get(0).message())
                .startsWith("Подходящих наставников 2: у 1 из них ёмкость 0 (m0), остальные (1) заняты наставляемыми с более высоким приоритетом");
    }
}
