package ru.edu.decisions.rules.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.Assessment;
import ru.edu.decisions.model.AssessmentKind;
import ru.edu.decisions.model.AssessmentResult;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.EducationLevel;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Level;
import ru.edu.decisions.model.Membership;
import ru.edu.decisions.model.MembershipKind;
import ru.edu.decisions.model.MembershipRole;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.Training;
import ru.edu.decisions.model.TrainingKind;
import ru.edu.decisions.rules.dsl.Fact;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleFile;
import ru.edu.decisions.rules.engine.RuleSetCompiler;
import ru.edu.decisions.rules.engine.ShippedRuleBase;

/**
 * The shared eligibility rules with each jurisdiction's table decide as the old per-jurisdiction rule files did
 * (kept under {@code src/test/resources/legacy/}): on thousands of generated profiles — absent data, unknown entries,
 * ages and experience at the boundaries, trainings at the edges of the window — the verdict, the grounds met, every
 * reason (kind, clause, status, explanation), the missing fields and the derived facts (name, status, explanation,
 * missing fields, clause) are the same.
 */
class SharedRulesAgreeWithLegacyPropertyTest {

    private static final int PROFILES = 3000;

    static RuleBase current;
    static RuleBase legacy;

    @BeforeAll
    static void compile() throws IOException {
        current = ShippedRuleBase.get();
        RuleBaseSource shipped = RuleBaseSource.fromDirectory(java.nio.file.Path.of("."));
        List<RuleFile> files = new ArrayList<>();
        for (String jurisdiction : List.of("ust-ishim", "turochak")) {
            for (String name : List.of("manifest.yaml", "clauses.csv", "regulation.txt")) {
                shipped.files().stream().filter(f -> f.path().equals(jurisdiction + "/" + name)).forEach(files::add);
            }
            files.add(new RuleFile(jurisdiction + "/eligibility.drl", legacy(jurisdiction + "/eligibility.drl")));
        }
        files.add(new RuleFile("common/eligibility.drl", legacy("common/eligibility.drl")));
        legacy = new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(new RuleBaseSource("legacy", files));
    }

    private static byte[] legacy(String path) throws IOException {
        try (InputStream in = SharedRulesAgreeWithLegacyPropertyTest.class.getResourceAsStream("/legacy/" + path)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ust-ishim", "turochak"})
    void theSharedRulesAndTheTableDecideAsTheOldRuleFileOnGeneratedProfiles(String jurisdiction) {
        EligibilityRules now = current.jurisdiction(jurisdiction).orElseThrow().decision(EligibilityRules.class).orElseThrow();
        EligibilityRules before = legacy.jurisdiction(jurisdiction).orElseThrow().decision(EligibilityRules.class).orElseThrow();
        Random random = new Random(jurisdiction.hashCode());
        for (int i = 0; i < PROFILES; i++) {
            TeacherProfile profile = profile(random);
            LocalDate asOf = random.nextBoolean() ? LocalDate.of(2026, 11, 23) : LocalDate.of(2020 + random.nextInt(8), 1 + random.nextInt(12), 1);
            EligibilityOutcome expected = before.evaluate(profile, asOf);
            EligibilityOutcome got = now.evaluate(profile, asOf);
            String where = jurisdiction + ", profile " + i + " as of " + asOf + ": " + profile;
            assertThat(got.verdict()).as(where).isEqualTo(expected.verdict());
            assertThat(got.grounds()).as(where).isEqualTo(expected.grounds());
            assertThat(got.reasons()).as(where).isEqualTo(expected.reasons());
            assertThat(got.missing()).as(where).isEqualTo(expected.missing());
            assertThat(facts(got.facts())).as(where).isEqualTo(facts(expected.facts()));
        }
    }

    /** A fact as the answer shows it, without the name of the rule that derived it (the rules were rewritten). */
    private static List<String> facts(List<Fact> facts) {
        return facts.stream()
                .map(f -> f.name() + " | " + f.status() + " | " + f.message() + " | " + f.missing() + " | " + f.clause())
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    static TeacherProfile profile(Random r) {
        List<Education> education = r.nextInt(8) == 0 ? null : new ArrayList<>();
        if (education != null) {
            for (int e = 0; e < r.nextInt(3); e++) {
                education.add(new Education(maybe(r, EducationLevel.values()), r.nextInt(4) == 0 ? null : r.nextBoolean(),
                        r.nextInt(5) == 0 ? null : 1985 + r.nextInt(35), r.nextBoolean() ? "Математика" : null, "ОмГПУ"));
            }
        }
        List<Training> trainings = new ArrayList<>();
        for (int t = 0; t < r.nextInt(3); t++) {
            Integer year = r.nextInt(6) == 0 ? null : 2016 + r.nextInt(12);
            trainings.add(new Training("Курс", r.nextBoolean() ? "Академия" : null, year, r.nextBoolean() ? 36 : null,
                    maybe(r, TrainingKind.values()), r.nextInt(4) == 0 ? null : r.nextBoolean()));
        }
        Employment employment = r.nextInt(8) == 0 ? null : new Employment(r.nextBoolean() ? "МБОУ «СОШ № 1»" : null,
                maybe(r, OrganizationKind.values()), maybe(r, Position.values()), "учитель", true,
                maybe(r, QualificationCategory.values()), years(r), years(r), List.of("математика"));
        List<Membership> memberships = new ArrayList<>();
        for (int m = 0; m < r.nextInt(4); m++) {
            memberships.add(new Membership(maybe(r, MembershipKind.values()), maybe(r, MembershipRole.values()),
                    maybe(r, Level.values()), r.nextBoolean() ? "Название" : null));
        }
        List<Achievement> achievements = new ArrayList<>();
        for (int a = 0; a < r.nextInt(3); a++) {
            achievements.add(new Achievement(r.nextBoolean() ? "Учитель года" : null, maybe(r, Level.values()),
                    maybe(r, AchievementResult.values()), r.nextBoolean() ? 2018 + r.nextInt(8) : null));
        }
        List<Assessment> assessments = new ArrayList<>();
        for (int a = 0; a < r.nextInt(4); a++) {
            assessments.add(new Assessment(maybe(r, AssessmentKind.values()), maybe(r, AssessmentResult.values()),
                    r.nextBoolean() ? LocalDate.of(2024, 4, 10) : null));
        }
        return new TeacherProfile(null, "Педагог", r.nextBoolean() ? null : LocalDate.of(1960 + r.nextInt(45), 1, 1),
                education, r.nextInt(10) == 0 ? null : trainings, employment, r.nextInt(10) == 0 ? null : memberships,
                r.nextInt(10) == 0 ? null : achievements, r.nextInt(10) == 0 ? null : assessments,
                r.nextInt(3) == 0 ? null : r.nextBoolean(), null, null, null);
    }

    /** Years of experience: often at the boundary of the five-year minimum, sometimes absent. */
    private static @Nullable Integer years(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> null;
            case 1, 2 -> 4 + r.nextInt(3);
            default -> r.nextInt(40);
        };
    }

    private static <T> @Nullable T maybe(Random r, T[] values) {
        return r.nextInt(6) == 0 ? null : values[r.nextInt(values.length)];
    }
}
