package ru.edu.decisions.rules.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.SchoolFlag;

/**
 * The contract: every decision is deterministic for the same input, asOf date and rule-set version. With ties (many
 * mentors equally good for many mentees) the optimum is not unique; the same input must still give the same one.
 */
class MentoringDeterminismTest {

    /** Six mentors of one okrug, equal in everything but id and municipality; twenty mentees, more than the places. */
    static List<Mentor> mentors() {
        List<Mentor> mentors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mentors.add(new Mentor("m" + i, "Район " + (i % 3), "Центральный", null, List.of("математика"),
                    List.of(CompetenceArea.METHODICAL), 2, true));
        }
        return mentors;
    }

    static List<Mentee> mentees() {
        List<Mentee> mentees = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            mentees.add(new Mentee("t" + i, "Район " + (i % 4), "Центральный", null, List.of("математика"),
                    List.of(CompetenceArea.METHODICAL), LocalDate.of(1980, 1, 1), 20,
                    i % 5 == 0 ? List.of(SchoolFlag.LOW_RESULTS) : List.of()));
        }
        return mentees;
    }

    @Test
    void repeatedDecisionsOfTheSameInputGiveTheSameAssignmentsReasonsAndUnassigned() {
        Set<String> outcomes = new HashSet<>();
        MentoringOutcome first = null;
        for (int run = 0; run < 40; run++) {
            // New objects every time: nothing may depend on object identity.
            MentoringOutcome outcome = ShippedRules.decide("dagestan", mentors(), mentees());
            outcomes.add(outcome.assignments() + " | " + outcome.unassigned() + " | " + outcome.trace());
            if (first == null) {
                first = outcome;
            }
            assertThat(outcome.assignments()).as("run %d", run).isEqualTo(first.assignments());
            assertThat(outcome.unassigned()).as("run %d", run).isEqualTo(first.unassigned());
            assertThat(outcome.objective()).as("run %d", run).isEqualTo(first.objective());
            assertThat(outcome.trace()).as("run %d", run).isEqualTo(first.trace());
        }
        assertThat(outcomes).hasSize(1);
        assertThat(first.assignments()).hasSize(12);
    }

    @Test
    void theAssignmentDoesNotDependOnTheOrderTheRulesLeaveTheirFactsIn() {
        // The same input decided with the territory's facts in a different order (a second territory first) gives the
        // same pairs for the first territory: the order is canonical, by the request's order of mentors and mentees.
        List<Mentor> mentors = new ArrayList<>(mentors());
        List<Mentee> mentees = new ArrayList<>(mentees());
        MentoringOutcome alone = ShippedRules.decide("dagestan", mentors, mentees);
        mentors.add(0, new Mentor("x", "Дербент", "Южный", null, List.of("физика"), List.of(), 1, true));
        mentees.add(0, new Mentee("y", "Дербент", "Южный", null, List.of("физика"), List.of(), null, null, List.of()));
        MentoringOutcome both = ShippedRules.decide("dagestan", mentors, mentees);

        assertThat(both.assignments().subList(1, both.assignments().size())).isEqualTo(alone.assignments());
    }
}
