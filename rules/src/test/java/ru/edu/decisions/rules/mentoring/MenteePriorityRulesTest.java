package ru.edu.decisions.rules.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.RuleBaseCompilationException;

/**
 * Which priority class the assignment serves first is the rules' word ({@code common/mentoring-priorities.drl}): the
 * optimiser only reads the priorities the rules told. Changed rules, changed assignment.
 */
class MenteePriorityRulesTest {

    static final String PRIORITIES = "common/mentoring-priorities.drl";

    @TempDir
    Path dir;

    /** One place; a young specialist and a teacher of a low-results school both fit. */
    static final List<Mentor> ONE_PLACE = List.of(MentoringRulesTest.mentor("m1", "Р", null, 1, true));
    static final List<Mentee> YOUNG_AND_LOW = List.of(
            new Mentee("young", "Р", null, null, List.of("математика"), List.of(), LocalDate.of(2001, 5, 2), 1, List.of()),
            MentoringRulesTest.mentee("low", "Р", null, "математика", SchoolFlag.LOW_RESULTS));

    @Test
    void theShippedRulesServeTheLowResultsSchoolBeforeTheYoungSpecialist() {
        MentoringOutcome outcome = ShippedRules.decide("ust-ishim", ONE_PLACE, YOUNG_AND_LOW);

        assertThat(MentoringRulesTest.pairs(outcome)).containsExactly(Map.entry("low", "m1"));
        assertThat(outcome.trace()).extracting(f -> f.rule())
                .contains("Педагоги школ с низкими образовательными результатами — первый приоритет распределения",
                        "Молодые специалисты — третий приоритет распределения");
    }

    @Test
    void swappingThePrioritiesInTheRulesGivesThePlaceToTheYoungSpecialist() {
        Map<String, String> swap = new LinkedHashMap<>(); // applied in this order
        swap.put("insertLogical( priority( drools, $t, 1 ) );", "insertLogical( priority( drools, $t, 0 + 3 ) );");
        swap.put("insertLogical( priority( drools, $t, 3 ) );", "insertLogical( priority( drools, $t, 1 ) );");
        MentoringRules youngFirst = AlteredMentoringRules.compile(dir, "ust-ishim", Map.of(PRIORITIES, swap), List.of());
        MentoringOutcome outcome = youngFirst.evaluate(ONE_PLACE, YOUNG_AND_LOW, ShippedRules.AS_OF);

        assertThat(MentoringRulesTest.pairs(outcome)).containsExactly(Map.entry("young", "m1"));
        // The objective's first counter counts whom the rules put first.
        assertThat(outcome.objective().lowResults()).isEqualTo(1);
        assertThat(outcome.objective().youngSpecialists()).isZero();
        assertThat(outcome.unassigned().get(0).reasons().get(0).message())
                .startsWith("Все подходящие наставники (1) заняты наставляемыми с более высоким приоритетом");
    }

    @Test
    void aPriorityTheObjectiveDoesNotCountIsRefusedWhenTheRulesAreCompiled() {
        assertThatThrownBy(() -> AlteredMentoringRules.compile(dir, "ust-ishim", Map.of(PRIORITIES, Map.of(
                "insertLogical( priority( drools, $t, 1 ) );", "insertLogical( priority( drools, $t, 9 ) );")), List.of()))
                .isInstanceOf(RuleBaseCompilationException.class)
                .hasMessageContaining("common/mentoring-priorities.drl")
                .hasMessageContaining("приоритет 9, а цель распределения считает приоритеты от 1 до 3");
    }

    @Test
    void aClassWithoutAPriorityRuleIsServedLikeAnyTeacher() {
        MentoringRules noYoung = AlteredMentoringRules.compile(dir, "ust-ishim", Map.of(PRIORITIES, Map.of(
                "code == MenteeClass.YOUNG_SPECIALIST", "code == \"NO_SUCH_CLASS\"")), List.of());
        // One place: a plain teacher with the greater score against a young specialist with the smaller.
        Mentee young = new Mentee("young", "Р", null, null, List.of("математика"), List.of(), LocalDate.of(2001, 5, 2), 1, List.of());
        Mentee plain = new Mentee("plain", "Р", null, null, List.of("математика"),
                List.of(ru.edu.decisions.model.routes.CompetenceArea.METHODICAL), LocalDate.of(1980, 1, 1), 20, List.of());
        List<Mentee> mentees = List.of(young, plain);

        assertThat(MentoringRulesTest.pairs(ShippedRules.decide("ust-ishim", ONE_PLACE, mentees))).containsExactly(Map.entry("young", "m1"));
        MentoringOutcome outcome = noYoung.evaluate(ONE_PLACE, mentees, ShippedRules.AS_OF);
        assertThat(MentoringRulesTest.pairs(outcome)).containsExactly(Map.entry("plain", "m1"));
        assertThat(outcome.objective().youngSpecialists()).isZero();
    }
}
