package ru.edu.decisions.rules.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.mentoring.MentoringDecision.Assignment;
import ru.edu.decisions.model.mentoring.MentoringDecision.Unassigned;
import ru.edu.decisions.model.routes.SchoolFlag;

/**
 * Why a teacher is left without a mentor is said by the rules of {@code common/mentoring-unassigned.drl}, run over the
 * facts of the found assignment: they say what the Java of the assignment said before (written out here), the
 * rules that said it are in the trace with their clause, and a changed rule changes the reason.
 */
class UnassignedReasonRulesTest {

    static final String UNASSIGNED = "common/mentoring-unassigned.drl";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ust-ishim", "turochak", "dagestan", "kuznetsk"})
    void aTeacherWithSuitableMentorsIsToldWhatTheAssignmentsJavaToldBefore(String jurisdiction) {
        MentoringPropertyTest.Contract contract = MentoringPropertyTest.Contract.of(jurisdiction);
        int capacityReasons = 0;
        for (int seed = 1; seed <= 400; seed++) {
            Random random = new Random(jurisdiction.hashCode() * 7_919L + seed);
            List<Mentor> mentors = MentoringPropertyTest.mentors(random);
            List<Mentee> mentees = MentoringPropertyTest.mentees(random, mentors);
            MentoringOutcome outcome = ShippedRules.decide(jurisdiction, mentors, mentees);
            Map<Integer, List<Integer>> menteesOf = new HashMap<>();
            for (Assignment a : outcome.assignments()) {
                menteesOf.computeIfAbsent(indexOf(mentors, a.mentorId()), k -> new ArrayList<>()).add(indexOfMentee(mentees, a.menteeId()));
            }
            for (Unassigned u : outcome.unassigned()) {
                int t = indexOfMentee(mentees, u.menteeId());
                List<Integer> suitable = new ArrayList<>();
                for (int m = 0; m < mentors.size(); m++) {
                    if (contract.allowed(mentors.get(m), mentees.get(t))) {
                        suitable.add(m);
                    }
                }
                if (suitable.isEmpty()) {
                    continue;
                }
                capacityReasons++;
                assertThat(u.reasons().get(0)).as("seed %d: %s / %s", seed, mentors, mentees)
                        .isEqualTo(new Reason("CAPACITY", ReasonStatus.NOT_MET,
                                oldNoPlace(contract, suitable, mentors, mentees, menteesOf, t)));
            }
        }
        assertThat(capacityReasons).isGreaterThan(50);
    }

    @Test
    void moreThanFiveClosedMentorsAreNamedFiveAndCounted() {
        List<Mentor> closed = new ArrayList<>();
        for (int m = 0; m < 7; m++) {
            closed.add(MentoringRulesTest.mentor("m" + m, "Р", null, 0, true));
        }
        MentoringOutcome outcome = ShippedRules.decide("ust-ishim", closed, List.of(MentoringRulesTest.mentee("t1", "Р", null, "математика")));

        assertThat(outcome.unassigned().get(0).reasons().get(0)).isEqualTo(new Reason("CAPACITY", ReasonStatus.NOT_MET,
                "Подходящие наставники (7) не берут наставляемых: у них ёмкость 0 (m0, m1, m2, m3, m4 и ещё 2)"));
        assertThat(outcome.trace()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("Без наставника: подходящие наставники не берут наставляемых — у них ёмкость 0");
            assertThat(f.clause()).isEqualTo(ShippedRules.parameters("ust-ishim").stringValue("mentoringClause"));
        });
    }

    @Test
    void naming_fewerMentorsInTheRuleNamesFewerInTheReason() {
        MentoringRules altered = AlteredMentoringRules.compile(dir, "ust-ishim",
                Map.of(UNASSIGNED, Map.of("mentorIds( $closed, 5 )", "mentorIds( $closed, 1 )")), List.of());
        MentoringOutcome outcome = altered.evaluate(List.of(MentoringRulesTest.mentor("m0", "Р", null, 0, true),
                MentoringRulesTest.mentor("m1", "Р", null, 0, true)), List.of(MentoringRulesTest.mentee("t1", "Р", null, "математика")),
                ShippedRules.AS_OF);

        assertThat(outcome.unassigned().get(0).reasons().get(0).message())
                .isEqualTo("Подходящие наставники (2) не берут наставляемых: у них ёмкость 0 (m0 и ещё 1)");
    }

    @Test
    void whoCountsAsOfHigherPriorityIsTheRulesComparison() {
        // Two plain teachers, one place: the one left out is behind a teacher of the same priority — unless a rule says
        // that an equal tier is a higher priority.
        List<Mentor> mentors = List.of(MentoringRulesTest.mentor("m1", "Р", null, 1, true));
        List<Mentee> mentees = List.of(MentoringRulesTest.mentee("a", "Р", null, "математика"),
                MentoringRulesTest.mentee("b", "Р", null, "математика"));
        assertThat(ShippedRules.decide("ust-ishim", mentors, mentees).unassigned().get(0).reasons().get(0).message())
                .contains("того же или более высокого приоритета");

        MentoringRules altered = AlteredMentoringRules.compile(dir, "ust-ishim",
                Map.of(UNASSIGNED, Map.of("Placed( mentor == $m, tier <= $tier )", "Placed( mentor == $m, tier < $tier )")), List.of());
        assertThat(altered.evaluate(mentors, mentees, ShippedRules.AS_OF).unassigned().get(0).reasons().get(0).message())
                .startsWith("Все подходящие наставники (1) заняты наставляемыми с более высоким приоритетом");
    }

    @Test
    void withoutRefusalRulesATeacherNobodyMayTakeIsToldNoRulePairedThem() {
        MentoringRules altered = AlteredMentoringRules.compile(dir, "ust-ishim", Map.of(), List.of("common/mentoring-refusals.drl"));
        MentoringOutcome outcome = altered.evaluate(List.of(MentoringRulesTest.mentor("m1", "Р", null, 1, true)),
                List.of(MentoringRulesTest.mentee("t1", "Другой район", null, "математика", SchoolFlag.LOW_RESULTS)), ShippedRules.AS_OF);

        assertThat(outcome.unassigned().get(0).reasons()).extracting(Reason::code, Reason::status, Reason::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("NO_PAIR", ReasonStatus.NOT_MET, "Правила не допустили ни одной пары с этим педагогом"),
                org.assertj.core.groups.Tuple.tuple("LOW_RESULTS", ReasonStatus.MET,
                        "Педагог школы с низкими образовательными результатами (МБОУ «Аксёновская СОШ»)"));
    }

    @Test
    void withoutTheUnassignedRulesNoReasonIsMadeUpInJava() {
        MentoringRules altered = AlteredMentoringRules.compile(dir, "ust-ishim", Map.of(), List.of(UNASSIGNED));
        MentoringOutcome outcome = altered.evaluate(List.of(MentoringRulesTest.mentor("m0", "Р", null, 0, true)),
                List.of(MentoringRulesTest.mentee("t1", "Р", null, "математика"), MentoringRulesTest.mentee("t2", "Другой", null, "математика")),
                ShippedRules.AS_OF);

        assertThat(outcome.unassigned()).hasSize(2).allSatisfy(u -> assertThat(u.reasons()).isEmpty());
    }

    /** The reason the assignment's Java composed before (MentoringRules.noPlace, removed), written out. */
    private static String oldNoPlace(MentoringPropertyTest.Contract contract, List<Integer> suitable, List<Mentor> mentors,
                                     List<Mentee> mentees, Map<Integer, List<Integer>> menteesOf, int own) {
        List<Integer> closed = suitable.stream().filter(m -> contract.capacity(mentors.get(m)) == 0).toList();
        List<Integer> full = suitable.stream().filter(m -> contract.capacity(mentors.get(m)) > 0).toList();
        String closedText = "ёмкость 0 (" + named(closed, mentors) + ")";
        if (full.isEmpty()) {
            return "Подходящие наставники (" + closed.size() + ") не берут наставляемых: у них " + closedText;
        }
        boolean allHigher = full.stream().flatMap(m -> menteesOf.getOrDefault(m, List.of()).stream())
                .allMatch(other -> tier(contract, mentees.get(other)) > tier(contract, mentees.get(own)));
        String fullText = allHigher
                ? "заняты наставляемыми с более высоким приоритетом (школы с низкими образовательными результатами, "
                        + "школы в сложных социальных условиях, молодые специалисты)"
                : "заняты наставляемыми того же или более высокого приоритета: при лучшем распределении (приоритетные группы, "
                        + "затем число закреплённых, затем суммарный балл пар) место этому педагогу не достаётся";
        if (closed.isEmpty()) {
            return "Все подходящие наставники (" + full.size() + ") " + fullText;
        }
        return "Подходящих наставников " + suitable.size() + ": у " + closed.size() + " из них " + closedText
                + ", остальные (" + full.size() + ") " + fullText;
    }

    private static int tier(MentoringPropertyTest.Contract contract, Mentee t) {
        return (t.flagList().contains(SchoolFlag.LOW_RESULTS) ? 4 : 0) + (t.flagList().contains(SchoolFlag.DIFFICULT_SOCIAL) ? 2 : 0)
                + (contract.young(t) ? 1 : 0);
    }

    private static String named(List<Integer> indices, List<Mentor> mentors) {
        String ids = String.join(", ", indices.stream().limit(5).map(m -> mentors.get(m).id()).toList());
        return indices.size() > 5 ? ids + " и ещё " + (indices.size() - 5) : ids;
    }

    private static int indexOf(List<Mentor> mentors, String id) {
        for (int m = 0; m < mentors.size(); m++) {
            if (mentors.get(m).id().equals(id)) {
                return m;
            }
        }
        throw new AssertionError(id);
    }

    private static int indexOfMentee(List<Mentee> mentees, String id) {
        for (int t = 0; t < mentees.size(); t++) {
            if (mentees.get(t).id().equals(id)) {
                return t;
            }
        }
        throw new AssertionError(id);
    }
}
