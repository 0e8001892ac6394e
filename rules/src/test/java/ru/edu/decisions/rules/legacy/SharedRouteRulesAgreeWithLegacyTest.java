package ru.edu.decisions.rules.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.Preferences;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.ShippedRuleBase;
import ru.edu.decisions.rules.routes.RouteOutcome;
import ru.edu.decisions.rules.routes.RouteRules;

/**
 * The shared route rules ({@code rules/common/routes*.drl}) with each jurisdiction's table of needs
 * ({@code routes.drl.csv}) and manifest decide every generated diagnostic exactly as the jurisdiction's own
 * {@code routes.drl} did before: the same deficits, route items (activity, dates, hours, reason, code), deferrals,
 * total hours, reasons and unmet needs, and the same rules fired with the same clauses.
 */
class SharedRouteRulesAgreeWithLegacyTest {

    private static final List<String> SUBJECTS = List.of("математика", "русский язык", "физика", "история", "информатика",
            "начальные классы");

    /** Rules the shared rule base names differently from a jurisdiction's old file (the trace's only change). */
    private static final Map<String, String> RENAMED = Map.of(
            "Школа с низкими результатами обучения", "Школа с низкими образовательными результатами");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ust-ishim", "turochak", "kuznetsk", "dagestan"})
    void sharedRulesAndTheJurisdictionsTableDecideAsItsOldRouteRules(String jurisdiction) {
        RouteRules legacy = LegacyRuleBase.compile(dir, jurisdiction).decision(RouteRules.class).orElseThrow();
        RouteRules shared = ShippedRuleBase.get().jurisdiction(jurisdiction).orElseThrow().decision(RouteRules.class).orElseThrow();
        Random random = new Random(jurisdiction.hashCode());
        int items = 0;
        int deferred = 0;
        for (int i = 0; i < 1500; i++) {
            Generated input = generate(random);
            LocalDate asOf = LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28));
            RouteOutcome before = legacy.evaluate(input.teacher(), input.school(), input.diagnostics(), input.preferences(), asOf);
            RouteOutcome after = shared.evaluate(input.teacher(), input.school(), input.diagnostics(), input.preferences(), asOf);
            String what = jurisdiction + " case " + i + ": " + input;
            assertThat(after.deficits()).as(what).isEqualTo(before.deficits());
            assertThat(after.route()).as(what).isEqualTo(before.route());
            assertThat(after.reasons()).as(what).isEqualTo(before.reasons());
            assertThat(after.unmetNeeds()).as(what).isEqualTo(before.unmetNeeds());
            assertThat(sorted(after.trace())).as(what).isEqualTo(sorted(renamed(before.trace())));
            items += after.route().items().size();
            deferred += after.route().deferred().size();
        }
        // The generated cases reach the parts that matter: items, and deferrals under the hours cap.
        assertThat(items).isGreaterThan(1500);
        assertThat(deferred).isPositive();
    }

    record Generated(TeacherProfile teacher, School school, Diagnostics diagnostics, Preferences preferences) {
    }

    static Generated generate(Random random) {
        LocalDate birth = random.nextInt(10) == 0 ? null : LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Integer experience = random.nextInt(10) == 0 ? null : random.nextInt(2) == 0 ? random.nextInt(5) : random.nextInt(40);
        List<String> subjects = random.nextInt(6) == 0 ? List.of() : List.of(SUBJECTS.get(random.nextInt(SUBJECTS.size())));
        Employment employment = random.nextInt(20) == 0 ? null : new Employment("МБОУ «Школа»", OrganizationKind.SCHOOL,
                Position.TEACHER, "учитель", true, QualificationCategory.FIRST, experience, experience, subjects);
        TeacherProfile teacher = new TeacherProfile(null, null, birth, null, null, employment, null, null, null, null, null,
                null, null);
        Map<CompetenceArea, Integer> scores = new EnumMap<>(CompetenceArea.class);
        CompetenceArea[] areas = CompetenceArea.values();
        int scored = random.nextInt(9);
        for (int a = 0; a < scored; a++) {
            scores.put(areas[random.nextInt(areas.length)], random.nextInt(101));
        }
        List<SchoolFlag> flags = new ArrayList<>();
        if (random.nextInt(5) == 0) {
            flags.add(SchoolFlag.LOW_RESULTS);
        }
        if (random.nextInt(6) == 0) {
            flags.add(SchoolFlag.DIFFICULT_SOCIAL);
        }
        School school = random.nextInt(10) == 0 ? null : new School(random.nextBoolean() ? "МБОУ «СОШ № 1»" : null, flags);
        Preferences preferences = random.nextInt(8) == 0 ? null : new Preferences(random.nextInt(4) == 0);
        return new Generated(teacher, school, new Diagnostics(null, scores), preferences);
    }

    private static List<FiredRule> renamed(List<FiredRule> trace) {
        return trace.stream().map(f -> new FiredRule(RENAMED.getOrDefault(f.rule(), f.rule()), f.clause())).toList();
    }

    private static List<String> sorted(List<FiredRule> trace) {
        return trace.stream().map(f -> f.rule() + " @ " + f.clause()).sorted().toList();
    }
}
