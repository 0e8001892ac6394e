package ru.edu.decisions.rules.mentoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.rules.dsl.RuleFunctions;

/** Functions the mentoring rules call; each fact records the rule and clause that made it. */
public final class MentoringFunctions {

    private MentoringFunctions() {
    }

    public static Pair pair(Object drools, Mentor mentor, Mentee mentee, String territory, String message) {
        return new Pair(mentor, mentee, territory, message, RuleFunctions.ruleNameOf(drools), RuleFunctions.clauseOf(drools));
    }

    public static ScoreTerm match(Object drools, Pair pair, String code, int points, String message) {
        return new ScoreTerm(pair, code, true, points, message, RuleFunctions.ruleNameOf(drools), RuleFunctions.clauseOf(drools));
    }

    public static ScoreTerm bonus(Object drools, Pair pair, String code, int points, String message) {
        return new ScoreTerm(pair, code, false, points, message, RuleFunctions.ruleNameOf(drools), RuleFunctions.clauseOf(drools));
    }

    public static MenteeClass menteeClass(Object drools, Mentee mentee, String code, String message) {
        return new MenteeClass(mentee, code, message, RuleFunctions.ruleNameOf(drools), RuleFunctions.clauseOf(drools));
    }

    public static MenteePriority priority(Object drools, Mentee mentee, int criterion) {
        return new MenteePriority(mentee, criterion, RuleFunctions.ruleNameOf(drools), RuleFunctions.clauseOf(drools));
    }

    public static UnassignedReason unassigned(Object drools, int mentee, String code, String message) {
        return new UnassignedReason(mentee, code, message, RuleFunctions.ruleNameOf(drools), RuleFunctions.clauseOf(drools));
    }

    /**
     * The ids of the mentors, in the request's order, at most {@code named} of them and how many more: «m1, m2 и ещё 3».
     */
    public static String mentorIds(List<?> mentors, int named) {
        List<SuitableMentor> ordered = mentors.stream().map(SuitableMentor.class::cast)
                .sorted(java.util.Comparator.comparingInt(SuitableMentor::mentor)).toList();
        String ids = String.join(", ", ordered.stream().limit(named).map(SuitableMentor::mentorId).toList());
        return ordered.size() > named ? ids + " и ещё " + (ordered.size() - named) : ids;
    }

    public static MentorNeeded mentorNeeded(Object drools, Mentee mentee, String message) {
        return new MentorNeeded(mentee, message, RuleFunctions.ruleNameOf(drools), RuleFunctions.clauseOf(drools));
    }

    public static Refusal refusal(Object drools, Mentee mentee, String code, String message) {
        return new Refusal(mentee, code, message, RuleFunctions.ruleNameOf(drools), RuleFunctions.clauseOf(drools));
    }

    /** « (Буйнакск, округ «Центральный»)» — where the teacher works, for a reason; or that it is not given. */
    public static String place(Mentee mentee) {
        List<String> parts = new ArrayList<>();
        if (mentee.municipality() != null) {
            parts.add(mentee.municipality());
        }
        if (mentee.okrug() != null) {
            parts.add("округ «" + mentee.okrug() + "»");
        }
        return parts.isEmpty() ? " (территория педагога не указана)" : " (" + String.join(", ", parts) + ")";
    }

    public static MentorLimit limit(Object drools, Mentor mentor, int capacity, String message) {
        return new MentorLimit(mentor, capacity, message, RuleFunctions.ruleNameOf(drools), RuleFunctions.clauseOf(drools));
    }

    /** The subjects both teach (compared without case), in the mentee's order. */
    public static List<String> commonSubjects(Mentor mentor, Mentee mentee) {
        List<String> common = new ArrayList<>();
        for (String subject : mentee.subjectList()) {
            for (String own : mentor.subjectList()) {
                if (normalize(subject).equals(normalize(own))) {
                    common.add(subject);
                    break;
                }
            }
        }
        return common;
    }

    /** The mentee's deficits the mentor's strengths cover. */
    public static List<CompetenceArea> coveredDeficits(Mentor mentor, Mentee mentee) {
        List<CompetenceArea> covered = new ArrayList<>();
        for (CompetenceArea deficit : mentee.deficitList()) {
            if (mentor.strengthList().contains(deficit)) {
                covered.add(deficit);
            }
        }
        return covered;
    }

    /** A municipality for a reason's text: its name, or that it is not given. */
    public static String municipalityName(@Nullable String municipality) {
        return municipality == null || municipality.isBlank() ? "район не указан" : municipality;
    }

    public static String areas(List<CompetenceArea> areas) {
        return String.join(", ", areas.stream().map(CompetenceArea::label).toList());
    }

    private static String normalize(String subject) {
        return subject.trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
