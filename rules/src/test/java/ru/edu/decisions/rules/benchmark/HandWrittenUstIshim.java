package ru.edu.decisions.rules.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.Assessment;
import ru.edu.decisions.model.AssessmentKind;
import ru.edu.decisions.model.AssessmentResult;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.Level;
import ru.edu.decisions.model.Membership;
import ru.edu.decisions.model.MembershipKind;
import ru.edu.decisions.model.MembershipRole;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.Training;
import ru.edu.decisions.model.TrainingKind;
import ru.edu.decisions.model.eligibility.Verdict;

/**
 * The performance floor: the Ust-Ishim criteria (requirements of 3.2 and its eight grounds, as the contract reads
 * them) written by hand in plain Java, three-valued, with a Russian reason per requirement and ground — the work a
 * rule engine saves us from maintaining, to measure what the engine costs. Not used by the service.
 */
final class HandWrittenUstIshim {

    record Outcome(Verdict verdict, List<String> grounds, List<Reason> reasons, List<String> missing) {
    }

    private static final Set<Level> MUNICIPAL_OR_HIGHER = EnumSet.of(Level.MUNICIPAL, Level.REGIONAL, Level.FEDERAL, Level.INTERNATIONAL);
    private static final Set<Level> REGIONAL_OR_HIGHER = EnumSet.of(Level.REGIONAL, Level.FEDERAL, Level.INTERNATIONAL);

    private final int minYears;
    private final int window;

    HandWrittenUstIshim(int minYears, int window) {
        this.minYears = minYears;
        this.window = window;
    }

    Outcome evaluate(TeacherProfile p, LocalDate asOf) {
        List<Reason> reasons = new ArrayList<>(10);
        List<String> missing = new ArrayList<>(2);
        // Requirement: pedagogical education.
        ReasonStatus education;
        if (p.education() == null) {
            education = ReasonStatus.UNKNOWN;
            missing.add("education");
            reasons.add(new Reason("ust-ishim:3.2", education, "Нет сведений о полученном образовании"));
        } else {
            boolean yes = false;
            boolean open = false;
            for (Education e : p.education()) {
                yes |= Boolean.TRUE.equals(e.pedagogical());
                open |= e.pedagogical() == null;
            }
            education = yes ? ReasonStatus.MET : open ? ReasonStatus.UNKNOWN : ReasonStatus.NOT_MET;
            if (education == ReasonStatus.UNKNOWN) {
                for (int i = 0; i < p.education().size(); i++) {
                    if (p.education().get(i).pedagogical() == null) {
                        missing.add("education[" + i + "].pedagogical");
                    }
                }
            }
            reasons.add(new Reason("ust-ishim:3.2", education, "Педагогическое образование: " + p.education().size()));
        }
        // Requirement: years in the specialty (pedagogical years where absent).
        ReasonStatus experience;
        Integer years = p.employment() == null ? null : p.employment().specialtyExperienceYears() != null
                ? p.employment().specialtyExperienceYears() : p.employment().pedagogicalExperienceYears();
        if (years == null) {
            experience = ReasonStatus.UNKNOWN;
            missing.add(p.employment() == null ? "employment" : "employment.specialtyExperienceYears");
            reasons.add(new Reason("ust-ishim:3.2", experience, "Стаж работы по специальности не указан"));
        } else {
            experience = years >= minYears ? ReasonStatus.MET : ReasonStatus.NOT_MET;
            reasons.add(new Reason("ust-ishim:3.2", experience, "Стаж работы по специальности " + years + " — требуется не менее " + minYears));
        }
        // Grounds.
        List<String> grounds = new ArrayList<>(8);
        ReasonStatus[] ground = new ReasonStatus[8];
        ground[0] = met(p.assessmentList().stream().anyMatch(a -> a.kind() == AssessmentKind.FIOKO_DIAGNOSTICS && passed(a)));
        ground[1] = met(p.trainingList().stream().anyMatch(t -> t.kind() == TrainingKind.QUALIFICATION_UPGRADE
                && Boolean.TRUE.equals(t.federalRegistry()) && t.year() != null && t.year() >= asOf.getYear() - window));
        ground[2] = met(p.membershipList().stream().anyMatch(m -> (m.kind() == MembershipKind.OLYMPIAD_COMMISSION
                || m.kind() == MembershipKind.GIA_COMMISSION) && (m.role() == MembershipRole.CHAIR || m.role() == MembershipRole.MEMBER)
                && m.level() != null && MUNICIPAL_OR_HIGHER.contains(m.level())));
        ground[3] = met(p.membershipList().stream().anyMatch(m -> m.kind() == MembershipKind.PROFESSIONAL_COMMUNITY
                && m.level() != null && REGIONAL_OR_HIGHER.contains(m.level())));
        ground[4] = met(p.membershipList().stream().anyMatch(m -> m.kind() == MembershipKind.BASE_SCHOOL
                || ((m.kind() == MembershipKind.INNOVATION_SITE || m.kind() == MembershipKind.PILOT_SITE)
                && m.level() != null && REGIONAL_OR_HIGHER.contains(m.level()))));
        ground[5] = met(p.achievementList().stream().anyMatch(a -> a.result() == AchievementResult.WINNER && a.level() != null
                && (a.level() == Level.MUNICIPAL || a.level() == Level.REGIONAL || a.level() == Level.FEDERAL)));
        if (p.employment() == null || p.employment().organizationKind() == null) {
            ground[6] = ReasonStatus.UNKNOWN;
        } else {
            ground[6] = met(p.employment().organizationKind() == OrganizationKind.IMC);
        }
        ground[7] = met(p.assessmentList().stream().anyMatch(a -> a.kind() == AssessmentKind.EXPERT_EVALUATION
                && a.result() == AssessmentResult.HIGH));
        boolean anyUnknownGround = false;
        for (int i = 0; i < 8; i++) {
            String code = "ust-ishim:3.2." + (i + 1);
            reasons.add(new Reason(code, ground[i], describe(p, i)));
            if (ground[i] == ReasonStatus.MET) {
                grounds.add(code);
            }
            anyUnknownGround |= ground[i] == ReasonStatus.UNKNOWN;
        }
        Verdict verdict;
        if (education == ReasonStatus.NOT_MET || experience == ReasonStatus.NOT_MET || (grounds.isEmpty() && !anyUnknownGround)) {
            verdict = Verdict.NOT_ELIGIBLE;
        } else if (education == ReasonStatus.MET && experience == ReasonStatus.MET && !grounds.isEmpty()) {
            verdict = Verdict.ELIGIBLE;
        } else {
            verdict = Verdict.INSUFFICIENT_DATA;
            if (grounds.isEmpty() && p.employment() != null && p.employment().organizationKind() == null) {
                missing.add("employment.organizationKind");
            }
        }
        if (verdict != Verdict.INSUFFICIENT_DATA) {
            missing.clear();
        }
        return new Outcome(verdict, grounds, reasons, missing);
    }

    private static boolean passed(Assessment a) {
        return a.result() == AssessmentResult.PASSED || a.result() == AssessmentResult.HIGH;
    }

    private static ReasonStatus met(boolean yes) {
        return yes ? ReasonStatus.MET : ReasonStatus.NOT_MET;
    }

    private static String describe(TeacherProfile p, int ground) {
        return switch (ground) {
            case 0 -> "Диагностика ФИОКО: " + p.assessmentList().size() + " оценок";
            case 1 -> "Повышение квалификации: " + p.trainingList().stream().map(Training::title).toList();
            case 2, 3, 4 -> "Членство: " + p.membershipList().stream().map(Membership::title).toList();
            case 5 -> "Достижения: " + p.achievementList().stream().map(Achievement::title).toList();
            case 6 -> "Место работы: " + (p.employment() == null ? "не указано" : p.employment().organization());
            default -> "Экспертная оценка: " + p.assessmentList().size() + " оценок";
        };
    }
}
