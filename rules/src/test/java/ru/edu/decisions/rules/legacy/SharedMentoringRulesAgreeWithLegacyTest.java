package ru.edu.decisions.rules.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.ShippedRuleBase;
import ru.edu.decisions.rules.mentoring.MentoringOutcome;
import ru.edu.decisions.rules.mentoring.MentoringRules;

/**
 * The shared mentoring rules ({@code rules/common/mentoring.drl}) with each jurisdiction's manifest (and Dagestan's
 * own okrug rules) decide every generated set of mentors and teachers exactly as the jurisdiction's own
 * {@code mentoring.drl} did before: the same pairs with the same scores and reasons, the same unassigned teachers with
 * the same reasons, the same objective, and the same rules fired.
 */
class SharedMentoringRulesAgreeWithLegacyTest {

    private static final List<String> SUBJECTS = List.of("математика", "физика", "история", "русский язык");
    private static final List<String> MUNICIPALITIES = List.of("Буйнакск", "Буйнакский район", "Кизляр", "Каспийск");
    private static final Map<String, String> OKRUG = Map.of("Буйнакск", "Центральный", "Буйнакский район", "Центральный",
            "Кизляр", "Северный", "Каспийск", "Центральный");

    /**
     * The one clause the shared rules cite differently: Dagestan's young-specialist class now cites, as its routes do,
     * section IV item 6 (young teachers' associations) rather than section IV as a whole.
     */
    private static final Map<String, String> RECITED = Map.of("dagestan:IV|Наставляемый — молодой специалист: моложе "
            + "установленного возраста, стаж не больше установленного", "dagestan:IV.6");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ust-ishim", "turochak", "kuznetsk", "dagestan"})
    void sharedRulesDecideAsTheJurisdictionsOldMentoringRules(String jurisdiction) {
        MentoringRules legacy = LegacyRuleBase.compile(dir, jurisdiction).decision(MentoringRules.class).orElseThrow();
        MentoringRules shared = ShippedRuleBase.get().jurisdiction(jurisdiction).orElseThrow().decision(MentoringRules.class).orElseThrow();
        Random random = new Random(jurisdiction.hashCode());
        int assigned = 0;
        int unassigned = 0;
        for (int i = 0; i < 300; i++) {
            List<Mentor> mentors = new ArrayList<>();
            List<Mentee> mentees = new ArrayList<>();
            int mentorCount = random.nextInt(8);
            for (int m = 0; m < mentorCount; m++) {
                mentors.add(mentor(random, "m" + m));
            }
            int menteeCount = 1 + random.nextInt(12);
            for (int t = 0; t < menteeCount; t++) {
                mentees.add(mentee(random, "t" + t));
            }
            LocalDate asOf = LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28));
            MentoringOutcome before = legacy.evaluate(mentors, mentees, asOf);
            MentoringOutcome after = shared.evaluate(mentors, mentees, asOf);
            String what = jurisdiction + " case " + i + ": " + mentors + " / " + mentees;
            assertThat(after.assignments()).as(what).isEqualTo(before.assignments());
            assertThat(after.unassigned()).as(what).isEqualTo(before.unassigned());
            assertThat(after.objective()).as(what).isEqualTo(before.objective());
            assertThat(sorted(after.trace())).as(what).isEqualTo(sorted(recited(before.trace())));
            for (var none : after.unassigned()) {
                Reason reason = none.reasons().get(0);
                if (!reason.code().equals("CAPACITY")) {
                    assertThat(reason).as(what).isEqualTo(oldJavaReason(jurisdiction, mentors,
                            mentees.stream().filter(t -> t.id().equals(none.menteeId())).findFirst().orElseThrow()));
                }
            }
            assigned += after.assignments().size();
            unassigned += after.unassigned().size();
        }
        assertThat(assigned).isPositive();
        assertThat(unassigned).isPositive();
    }

    /**
     * What the old Java said about a teacher nobody may take (written out from the removed code): no consenting mentor
     * of its municipality — or, in Dagestan, of its okrug — at all; otherwise how many there are, none of them fitting.
     */
    private static Reason oldJavaReason(String jurisdiction, List<Mentor> mentors, Mentee mentee) {
        long inTerritory = mentors.stream().filter(m -> Boolean.TRUE.equals(m.consent()) && !m.id().equals(mentee.id()))
                .filter(m -> m.municipality() != null && m.municipality().equals(mentee.municipality())
                        || jurisdiction.equals("dagestan") && m.okrug() != null && m.okrug().equals(mentee.okrug())
                        && (m.municipality() == null || !m.municipality().equals(mentee.municipality())))
                .map(Mentor::id).distinct().count();
        if (inTerritory == 0) {
            List<String> parts = new ArrayList<>();
            if (mentee.municipality() != null) {
                parts.add(mentee.municipality());
            }
            if (mentee.okrug() != null) {
                parts.add("округ «" + mentee.okrug() + "»");
            }
            String place = parts.isEmpty() ? " (территория педагога не указана)" : " (" + String.join(", ", parts) + ")";
            return new Reason("TERRITORY", ReasonStatus.NOT_MET, "Нет наставника с согласием на той же территории" + place
                    + ", которому правила территории разрешают наставлять этого педагога");
        }
        return new Reason("MATCH", ReasonStatus.NOT_MET, "Наставники той же территории (" + inTerritory
                + ") не преподают тот же предмет, и их сильные стороны не закрывают дефициты педагога");
    }

    private static Mentor mentor(Random random, String id) {
        String municipality = random.nextInt(10) == 0 ? null : MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size()));
        String okrug = municipality == null ? (random.nextBoolean() ? "Центральный" : null) : OKRUG.get(municipality);
        List<CompetenceArea> strengths = random.nextInt(3) == 0 ? null : List.of(area(random), area(random));
        Integer capacity = random.nextInt(4) == 0 ? null : random.nextInt(4);
        Boolean consent = random.nextInt(8) != 0 ? Boolean.TRUE : random.nextBoolean() ? null : Boolean.FALSE;
        return new Mentor(id, municipality, okrug, "МБОУ «СОШ № " + random.nextInt(5) + "»",
                random.nextInt(5) == 0 ? null : List.of(SUBJECTS.get(random.nextInt(SUBJECTS.size()))), strengths, capacity, consent);
    }

    private static Mentee mentee(Random random, String id) {
        String municipality = random.nextInt(10) == 0 ? null : MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size()));
        String okrug = municipality == null ? (random.nextBoolean() ? "Центральный" : null) : OKRUG.get(municipality);
        List<CompetenceArea> deficits = new ArrayList<>();
        for (int d = random.nextInt(3); d > 0; d--) {
            deficits.add(area(random));
        }
        List<SchoolFlag> flags = new ArrayList<>();
        if (random.nextInt(4) == 0) {
            flags.add(SchoolFlag.LOW_RESULTS);
        }
        if (random.nextInt(5) == 0) {
            flags.add(SchoolFlag.DIFFICULT_SOCIAL);
        }
        LocalDate birth = random.nextInt(8) == 0 ? null : LocalDate.of(1965 + random.nextInt(40), 1 + random.nextInt(12), 1);
        Integer experience = random.nextInt(8) == 0 ? null : random.nextInt(2) == 0 ? random.nextInt(5) : random.nextInt(30);
        return new Mentee(id, municipality, okrug, random.nextBoolean() ? null : "МБОУ «Школа»",
                random.nextInt(5) == 0 ? null : List.of(SUBJECTS.get(random.nextInt(SUBJECTS.size()))), deficits, birth,
                experience, random.nextInt(6) == 0 ? null : flags);
    }

    private static CompetenceArea area(Random random) {
        CompetenceArea[] areas = {CompetenceArea.SUBJECT, CompetenceArea.METHODICAL, CompetenceArea.DIGITAL,
                CompetenceArea.PSYCHO_PEDAGOGICAL};
        return areas[random.nextInt(areas.length)];
    }

    private static List<FiredRule> recited(List<FiredRule> trace) {
        return trace.stream().map(f -> new FiredRule(f.rule(), RECITED.getOrDefault(f.clause() + "|" + f.rule(), f.clause())))
                .toList();
    }

    private static List<String> sorted(List<FiredRule> trace) {
        return trace.stream().map(f -> f.rule() + " @ " + f.clause()).sorted().toList();
    }
}
