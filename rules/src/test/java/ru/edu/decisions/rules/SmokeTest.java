package ru.edu.decisions.rules;

import java.nio.file.Path;
import java.time.*;
import java.util.*;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.model.*;
import ru.edu.decisions.rules.engine.*;
import ru.edu.decisions.rules.eligibility.*;

public class SmokeTest {
    @Test
    void smoke() {
        long t0 = System.nanoTime();
        DecisionEngine engine = new DecisionEngine(new RuleSetCompiler(Clock.systemDefaultZone()), RuleBaseSource.fromDirectory(Path.of(".")));
        System.out.println("compile ms " + (System.nanoTime() - t0) / 1e6);
        EligibilityRules rules = engine.current().jurisdiction("ust-ishim").orElseThrow().eligibility().orElseThrow();
        TeacherProfile p = new TeacherProfile(null, "Иванова Мария Петровна", LocalDate.of(1985, 3, 14),
            List.of(new Education(EducationLevel.HIGHER, true, 2007, "Математика", "ОмГПУ")),
            List.of(new Training("Школа современного учителя. Математика", "Академия Минпросвещения России", 2024, 100, TrainingKind.QUALIFICATION_UPGRADE, true)),
            new Employment("МБОУ «Аксёновская СОШ»", OrganizationKind.SCHOOL, Position.TEACHER, "учитель математики", true, QualificationCategory.HIGHEST, 15, 12, List.of("математика")),
            List.of(new Membership(MembershipKind.GIA_COMMISSION, MembershipRole.MEMBER, Level.MUNICIPAL, "ОГЭ, математика")),
            List.of(new Achievement("Учитель года", Level.MUNICIPAL, AchievementResult.WINNER, 2023)),
            List.of(new Assessment(AssessmentKind.FIOKO_DIAGNOSTICS, AssessmentResult.PASSED, LocalDate.of(2024, 4, 10))),
            true, List.of("наставник"), null, null);
        EligibilityOutcome o = rules.evaluate(p, LocalDate.of(2026, 11, 23));
        System.out.println(o.verdict() + " " + o.grounds() + " missing " + o.missing());
        o.reasons().forEach(r -> System.out.println("  " + r));
        o.trace().forEach(r -> System.out.println("  T " + r));
        EligibilityOutcome e = rules.evaluate(new TeacherProfile(null, null, null, null, null, null, null, null, null, null, null, null, null), LocalDate.of(2026, 11, 23));
        System.out.println(e.verdict() + " " + e.grounds() + " missing " + e.missing());
        e.reasons().forEach(r -> System.out.println("  " + r));
        for (int round = 0; round < 5; round++) {
            long t1 = System.nanoTime();
            int n = 50_000;
            for (int i = 0; i < n; i++) rules.evaluate(p, LocalDate.of(2026, 11, 23));
            System.out.println("us/decision " + (System.nanoTime() - t1) / 1e3 / n);
        }
    }
}
