package ru.edu.decisions.rules.eligibility;

import ru.edu.decisions.rules.engine.ShippedRuleBase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.engine.RuleBase;

/**
 * How a decision explains itself: one reason per requirement and ground with the clause as code and the candidate's
 * own data quoted in Russian, the facts behind it, and the rules that fired with their clauses.
 */
class EligibilityExplanationTest {

    static RuleBase rules;

    @BeforeAll
    static void compile() {
        rules = ShippedRuleBase.get();
    }

    static EligibilityOutcome decide(String jurisdiction, String row) throws Exception {
        String table = String.join(";", ScenarioTable.HEADER) + "\n" + row + "\n";
        ScenarioTable.Scenario scenario = ScenarioTable.read(jurisdiction, "test", table).get(0);
        return rules.jurisdiction(jurisdiction).orElseThrow().decision(EligibilityRules.class).orElseThrow().evaluate(scenario.candidate(), scenario.asOf());
    }

    @Test
    void everyRequirementAndGroundOfUstIshimIsExplainedWithItsClause() throws Exception {
        EligibilityOutcome outcome = decide("ust-ishim", "Иванова;2026-11-23;высшее/педагогическое/2007;12;15;высшая;учитель;школа;да;"
                + "повышение/реестр/2024;ГИА/член/муниципальный;победитель/муниципальный/2023;ФИОКО/пройдена/2024-04-10;подходит;нет;нет");

        assertThat(outcome.verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(outcome.reasons()).extracting(Reason::code).containsOnly("ust-ishim:3.2", "ust-ishim:3.2.1", "ust-ishim:3.2.2",
                "ust-ishim:3.2.3", "ust-ishim:3.2.4", "ust-ishim:3.2.5", "ust-ishim:3.2.6", "ust-ishim:3.2.7", "ust-ishim:3.2.8");
        assertThat(outcome.reasons()).filteredOn(r -> r.code().equals("ust-ishim:3.2")).hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReasonStatus.MET));
        assertThat(outcome.reasons()).contains(new Reason("ust-ishim:3.2", ReasonStatus.MET,
                "Стаж работы по специальности 12 лет — требуется не менее 5", Reason.Kind.REQUIREMENT));
        assertThat(outcome.reasons()).filteredOn(r -> r.code().startsWith("ust-ishim:3.2."))
                .extracting(Reason::kind).containsOnly(Reason.Kind.GROUND);
        assertThat(outcome.reasons()).allSatisfy(r -> assertThat(r.message()).matches(".*[а-яА-ЯёЁ].*"));
        assertThat(outcome.trace()).isNotEmpty().allSatisfy(f -> assertThat(f.clause()).isNotBlank());
        assertThat(outcome.facts()).anySatisfy(f -> assertThat(f.name()).isEqualTo("педагогическое образование"));
    }

    @Test
    void unknownIsNotFalse() throws Exception {
        EligibilityOutcome outcome = decide("turochak", "Неизвестно;2026-11-23;высшее/педагогическое/2005;14;14;высшая;учитель;школа;?;"
                + "нет;нет;нет;нет;недостаточно сведений;нет;нет");

        assertThat(outcome.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(outcome.reasons()).filteredOn(r -> r.code().equals("turochak:III.1.1.1"))
                .extracting(Reason::status).containsExactly(ReasonStatus.UNKNOWN);
        assertThat(outcome.missing()).containsExactly("stableHighStudentResults");
        assertThat(outcome.reasons()).filteredOn(r -> List.of("turochak:III.1.1.2", "turochak:III.1.1.3", "turochak:III.1.1.4")
                .contains(r.code())).extracting(Reason::status).containsOnly(ReasonStatus.NOT_MET);
    }

    @Test
    void anUnknownMultiPartRouteQuotesTheKnownPartsAndNamesTheUnknownOne() throws Exception {
        EligibilityOutcome outcome = decide("turochak", "Категория не указана;2026-11-23;высшее/педагогическое/2005;10;12;?;учитель;школа;да;"
                + "нет;нет;нет;нет;недостаточно сведений;нет;employment.qualificationCategory");

        Reason route = outcome.reasons().stream().filter(r -> r.code().equals("turochak:III.1.1.1")).findFirst().orElseThrow();
        assertThat(route.status()).isEqualTo(ReasonStatus.UNKNOWN);
        assertThat(route.message())
                .contains("квалификационная категория")
                .contains("10 лет")
                .contains("высшее")
                .doesNotContain("не выведен");
        assertThat(outcome.missing()).containsExactly("employment.qualificationCategory");
    }

    @Test
    void aNotMetMultiPartRouteNamesOnlyThePartsThatFail() throws Exception {
        EligibilityOutcome outcome = decide("turochak", "Первая категория;2026-11-23;высшее/педагогическое/2005;10;12;первая;учитель;школа;да;"
                + "нет;нет;нет;нет;не подходит;нет;нет");

        Reason route = outcome.reasons().stream().filter(r -> r.code().equals("turochak:III.1.1.1")).findFirst().orElseThrow();
        assertThat(route.status()).isEqualTo(ReasonStatus.NOT_MET);
        assertThat(route.message()).contains("перв").doesNotContain("10 лет");
    }
}
